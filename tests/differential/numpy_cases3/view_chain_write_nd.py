import numpy as np
a = np.zeros((4, 4), dtype=np.int16)
a[1:3, 1:3] = 1
v = a[::2, ::-1]
v += 5
print(a)
w = a[:, 1]
w *= 3
print(a)
a[..., -1] = a[..., 0] - 1
print(a)
