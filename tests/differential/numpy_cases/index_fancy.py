import numpy as np
a = np.arange(10) * 10
print(a[[1, 3, 5]], a[[-1, 0]], a[np.array([2, 2, 4])])
b = np.arange(12).reshape(3, 4)
print(b[[0, 2]], b[:, [1, 3]], b[[0, 1, 2], [3, 2, 1]], b[[0, 2], 1], b[1, [0, 3]])
print(b[np.array([[0, 1], [2, 0]])])
print(b[np.array([[0], [2]]), np.array([1, 3])])
c = np.arange(24).reshape(2, 3, 4)
print(c[:, [0, 2], :].shape, c[[1, 0], :, [3, 0]].shape, c[:, [0, 1], [1, 2]].shape)
print(c[[0, 1], :, 1])
print(c[:, [0, 2], 1:3])
print(c[1, [0, 2], [1, 3]])
print(a[[]], a[np.array([], dtype=int)])
