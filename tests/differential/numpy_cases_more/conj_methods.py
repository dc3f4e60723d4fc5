import numpy as np
a = np.arange(4.0)
print(a.conj() is a, a.conjugate() is a)
z = np.array([[1 + 1j, 2 - 2j]], np.complex64)
print(repr(z.conj()), repr(z.conjugate()), z.conj() is z)
print(repr(np.arange(3).conj()), repr(np.array([True, False]).conjugate()))
o = np.zeros(2, np.complex64)
z[0].conjugate(o)
print(o)
