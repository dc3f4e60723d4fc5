import numpy as np
a = np.zeros((3, 4), dtype=np.int32)
print(a.strides, a.T.strides, a[:, ::2].strides, a[::-1].strides, a[1].strides)
print(a.reshape(2, 6).strides, a[None].strides, a[:, None, :].strides)
b = np.arange(24.0).reshape(2, 3, 4)
print(b.strides, b.transpose(1, 0, 2).strides, b[..., 1].strides, np.float64(1).strides)
