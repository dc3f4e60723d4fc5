import numpy as np
z = np.array([1 + 1j, -2 + 0.5j, 3j])
print(z * z, z / (1 - 1j), z + 1)
print(np.sqrt(z), np.exp(np.array([1j * np.pi])).round(10), np.abs(z))
print(z == (1 + 1j), z.sum(), z.prod(), z.mean())
