import numpy as np
a = np.array([1.5, 2.5, 3.5], np.float16)
a += 1
a *= 0.1
print(a)
a /= 3
print(a, a.dtype)
z = np.array([1 + 1j, 2], np.complex64)
z *= 1j
z += 0.5
print(z, z.dtype)
f = np.zeros(3, np.float32)
f += a
print(f)
