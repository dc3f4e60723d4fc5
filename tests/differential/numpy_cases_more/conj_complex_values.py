import numpy as np
z = np.array([1 + 2j, -3 - 4j, 0j, complex(np.inf, -1), complex(np.nan, 2)])
print(np.conj(z))
print(np.conjugate(z.astype(np.complex64)))
print(np.conj(1 + 1j), np.conj(3), np.conj(2.5), np.conj(True))
print(np.conj([[1j, 2], [3, -4j]]))
