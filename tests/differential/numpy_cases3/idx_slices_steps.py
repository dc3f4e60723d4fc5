import numpy as np
a = np.arange(20).reshape(4, 5)
print(a[1:3, ::2], a[::-1, ::-2], a[:, 10:], a[5:, :].shape, a[-3:-1, -4:-1])
print(a[::3, 1:4:2], a[slice(1, None), slice(None, 2)])
