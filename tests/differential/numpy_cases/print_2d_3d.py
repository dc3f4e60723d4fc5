import numpy as np
a = np.arange(24).reshape(2, 3, 4)
print(a)
print(repr(a))
b = np.arange(8.0).reshape(2, 2, 2) / 3
print(b)
print(repr(b))
c = np.arange(16).reshape(2, 2, 2, 2)
print(c)
print(repr(np.zeros((1, 1, 1))))
