import numpy as np
a = np.arange(6).reshape(2, 3)
print(a[np.newaxis].shape, a[:, None, :].shape, a[..., None].shape, a[None, ..., None].shape)
print(a[None, 1], a[1, None], a[..., 0, None])
b = np.arange(24).reshape(2, 3, 4)
print(b[..., 1:3].shape, b[0, ..., 2], b[:, None, ..., 0].shape)
