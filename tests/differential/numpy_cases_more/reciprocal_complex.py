import numpy as np
z = np.array([1 + 1j, 2, -4j, 0, 3 - 4j])
print(np.reciprocal(z))
print(np.reciprocal(z.astype(np.complex64)))
print(np.reciprocal(2j))
o = np.zeros(5, complex)
np.reciprocal(z, out=o, where=z != 0)
print(o)
