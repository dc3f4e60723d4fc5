import numpy as np
z = np.array([1 + 2j, -0.5j, 3.25], np.complex64)
print(z.real, z.imag, z.real.dtype, z.imag.dtype)
z.real[0] = 10
z.imag[2] = -7
print(z)
s = np.complex64(1.5 - 2j)
print(s.real, s.imag, type(s.real), repr(s.imag))
h = np.array([1.5, 2], np.float16)
print(h.real, h.imag, h.imag.dtype)
