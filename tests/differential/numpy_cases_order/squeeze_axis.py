import numpy as np
a = np.arange(6).reshape(1, 2, 1, 3, 1)
print(a.squeeze().shape, a.squeeze(axis=0).shape, a.squeeze(axis=2).shape, a.squeeze(-1).shape)
print(a.squeeze(axis=(0, 2)).shape, a.squeeze((0, 2, 4)).shape, a.squeeze(axis=()).shape)
print(np.squeeze(a, axis=0).shape, np.squeeze(a, axis=(2, -1)).shape, np.squeeze(a).shape)
s = a.squeeze(axis=0)
print(np.shares_memory(s, a), s.strides, s.tolist())
print(np.ones((1, 1)).squeeze(axis=0), repr(np.ones((1,)).squeeze(axis=0)))
print(np.squeeze([[1], [2]], axis=1), np.squeeze(np.float64(2.5)), np.zeros((3, 1, 0)).squeeze(1).shape)
