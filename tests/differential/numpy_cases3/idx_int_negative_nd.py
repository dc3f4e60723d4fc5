import numpy as np
a = np.arange(24).reshape(2, 3, 4)
print(a[1], a[-1, -2], a[0, 1, -1], a[1][2][3], type(a[0, 0, 0]).__name__)
print(a[-2, :, 0], a[:, -1, :].shape, a[..., -1].shape, a[1, ...].shape)
