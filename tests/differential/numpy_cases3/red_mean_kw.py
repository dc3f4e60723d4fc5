import numpy as np
a = np.arange(12).reshape(3, 4)
print(np.mean(a), np.mean(a, axis=0), np.mean(a, axis=1, keepdims=True))
print(repr(np.mean(a, dtype=np.float32)), a.mean(axis=(0, 1)))
print(np.mean(np.array([1, 2], dtype=np.int8)), repr(np.mean(np.array([1.5, 2.5], dtype=np.float32))))
print(np.mean(np.array([True, False, True])))
