import numpy as np
a = np.arange(12, dtype=np.float16).reshape(3, 4) / 3
print(a[1], a[:, 2], a[a > 1.5], a[1, 2], type(a[1, 2]))
a[0, 0] = 0.1
a[2] = 7
print(a)
z = np.zeros((2, 3), np.complex64)
z[1, 1] = 1 + 2j
z[0] = 3j
print(z, z[1, 1], type(z[0, 0]))
print(a.tolist(), z.tolist())
