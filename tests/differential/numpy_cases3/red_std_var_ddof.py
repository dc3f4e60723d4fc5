import numpy as np
a = np.array([[1.0, 2.0, 4.0], [3.0, 5.0, 9.0]])
print(np.std(a), np.std(a, ddof=1), np.var(a, axis=0), np.var(a, axis=1, ddof=1))
print(a.std(axis=0, keepdims=True), a.var(keepdims=True))
print(np.var(np.array([1, 2, 3, 4])), np.std(np.array([1, 2], dtype=np.int8)))
print(np.std(np.array([1.0]), ddof=1))
