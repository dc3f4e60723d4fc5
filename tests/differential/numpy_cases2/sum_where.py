import numpy as np
a = np.arange(12).reshape(3, 4)
print(np.sum(a, where=a % 2 == 0))
print(a.sum(axis=0, where=a > 4))
print(np.sum(a, axis=1, where=[True, False, True, False]))
print(repr(np.prod(np.array([1.5, 2.0, 3.0]), where=[True, False, True])))
print(repr(np.sum(np.array([1, 2, 3], dtype=np.uint8), where=np.array([1, 0, 1], dtype=bool))))
print(np.sum(a, where=a > 100), a.sum(keepdims=True, where=a < 3))
