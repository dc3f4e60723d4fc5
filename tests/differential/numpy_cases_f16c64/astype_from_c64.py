import numpy as np
z = np.array([1 + 2j, -0.5j, 3.25 - 1j], dtype=np.complex64)
print(z.astype(np.complex128))
print(z.astype(np.complex128).tolist())
print(np.array([0.1 + 0.2j, 1e20 - 3j]).astype(np.complex64).tolist())
print(np.array([1, 2, 3], np.int16).astype(np.complex64))
print(np.array([0.1, 2.5], np.float16).astype(np.complex64))
print(z.astype(np.bool_), np.zeros(2, np.complex64).astype(bool))
