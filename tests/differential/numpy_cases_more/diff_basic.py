import numpy as np
a = np.array([1, 4, 9, 16, 25])
print(np.diff(a), np.diff(a, 2), np.diff(a, n=3), np.diff(a, n=10))
print(np.diff([1.5, 2.0, -1.0]), np.diff([1, 2], n=0))
print(type(np.diff([1, 2], n=0)).__name__)
b = np.arange(12).reshape(3, 4) ** 2
print(np.diff(b))
print(np.diff(b, axis=0))
print(np.diff(b, axis=-2, n=2))
print(repr(np.diff(np.array([], int))), repr(np.diff(np.zeros((2, 0)), axis=0)))
