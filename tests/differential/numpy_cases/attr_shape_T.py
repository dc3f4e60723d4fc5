import numpy as np
a = np.arange(6).reshape(2, 3)
print(a.shape, a.T.shape, a.T)
print(a.strides, a.T.strides)
print(a.T.base is a)
print(a.size, a.ndim, len(a))
b = np.arange(24).reshape(2, 3, 4)
print(b.T.shape, b.transpose(1, 0, 2).shape, b.transpose((2, 0, 1)).shape)
print(b.transpose(1, 0, 2))
