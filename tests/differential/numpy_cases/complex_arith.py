import numpy as np
z = np.array([1 + 2j, -3j, 2.5])
print(z + 1, z * 2j, z / (1 + 1j), z ** 2, -z, abs(z), z == 2.5)
print(z.real, z.imag, z.sum(), z.prod(), z.mean(), np.sqrt(z), np.exp(np.array([1j * np.pi])))
print(repr(z.astype(np.float64) if False else z.real.astype(int)), np.isnan(z), z.dtype)
print(z[0], type(z[0]), z[1] * z[0])
