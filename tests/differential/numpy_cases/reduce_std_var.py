import numpy as np
a = np.array([[1.0, 2.0, 4.0], [3.0, 5.0, 9.0]])
print(a.std(), a.var(), a.std(axis=0), a.var(axis=1), a.std(ddof=1), np.var(a, ddof=1, axis=0))
print(np.std([1, 2, 3, 4]), np.var(np.arange(10)), np.std(np.arange(10), keepdims=True))
print(np.array([1, 2, 3], dtype=np.float32).std(), np.array([2.5]).std())
