import numpy as np
from numpy import array, zeros
print(np.pi, np.e, np.inf, -np.inf, np.nan, np.newaxis)
print(array([1, 2]), zeros(2))
print(type(np.array([1])), np.ndarray, np.float64, np.int32)
print(isinstance(np.array([1]), np.ndarray), isinstance(np.float64(1), np.ndarray))
print(np.shape([[1, 2, 3]]), np.ndim([[1], [2]]), np.size(np.zeros((3, 4))))
print(np.expand_dims(np.array([1, 2]), 0).shape, np.expand_dims(np.array([1, 2]), 1).shape)
print(np.squeeze(np.zeros((1, 3, 1))).shape, np.zeros((2, 3)).swapaxes(0, 1).shape)
print(np.float64(2) ** 0.5, np.int64(7) // 2, np.int64(7) % 3, np.float64(7) / 2)
