import numpy as np
z = np.array([1 + 2j, 3 - 4j, 5j])
o = np.zeros(3, complex)
r = np.conjugate(z, out=o, where=[True, False, True])
print(r is o, o)
o2 = np.full(3, 7 + 7j)
np.conj(z, o2)
print(o2)
