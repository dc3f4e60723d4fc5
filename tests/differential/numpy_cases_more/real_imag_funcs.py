import numpy as np
z = np.array([1 + 2j, -3.5 + 0j, 4j])
print(np.real(z), np.imag(z))
print(np.real([1 + 2j, 3]), np.imag([1 + 2j, 3]))
print(repr(np.real(5)), repr(np.imag(2.5)), repr(np.real(1 + 2j)), repr(np.imag(1 - 2j)))
print(repr(np.real(np.complex64(1 - 3j))), repr(np.imag(np.complex64(1 - 3j))))
print(repr(np.real(np.arange(3, dtype=np.int16))), repr(np.imag(np.arange(3, dtype=np.int16))))
print(repr(np.real(np.float16([1.5]))), repr(np.imag(np.float16([1.5]))))
r = np.real(z)
r[0] = 100
print(z, z.real, z.imag)
