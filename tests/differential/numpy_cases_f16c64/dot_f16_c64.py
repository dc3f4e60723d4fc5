import numpy as np
h = np.array([3.5, -1.25, 0.1, 2.0, 7.0], np.float16)
print(np.dot(h, h), (h @ h).dtype)
m = np.arange(6, dtype=np.float16).reshape(2, 3) / 4
print(m @ m.T)
z = np.array([1 + 2j, -0.5j, 3, 2 - 1j], np.complex64)
print(np.dot(z, z), np.vdot(z, z), (z @ z).dtype)
