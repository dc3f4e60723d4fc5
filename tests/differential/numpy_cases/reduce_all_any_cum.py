import numpy as np
a = np.array([[True, False], [True, True]])
print(a.all(), a.any(), a.all(axis=0), a.any(axis=1), np.all([1, 2, 3]), np.any([0, 0]))
print(np.all(np.array([])), np.any(np.array([])), type(a.all()))
print(np.cumsum([1, 2, 3, 4]), np.arange(6).reshape(2, 3).cumsum(axis=0), np.arange(6).reshape(2, 3).cumsum(axis=1))
print(np.arange(1, 6).cumprod(), np.cumsum(np.array([[1, 2], [3, 4]])), np.array([0.1, 0.2, 0.3]).cumsum())
print(np.cumsum(np.array([1, 2], dtype=np.int8)).dtype, np.count_nonzero(np.array([0, 1, 2, 0])))
print(np.count_nonzero(np.eye(3), axis=0))
