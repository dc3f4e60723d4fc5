import numpy as np
a = np.arange(24).reshape(2, 3, 4)
print(a[..., 1].shape, a[1, ...].shape, a[..., 1:3, :].shape, a[:, ..., 0].shape)
print(a[None, ..., None].shape, a[:, None, :, None].shape, a[np.newaxis][0, 1, 2])
print(a[...].shape, a[..., -1, -1])
x = np.arange(5)
print(x[:, None] * x[None, :])
print(repr(np.array(5)[...]), repr(np.array(5)[None]))
