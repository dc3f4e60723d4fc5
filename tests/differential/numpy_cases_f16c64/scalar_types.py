import numpy as np
x = np.float16(1.5)
z = np.complex64(1 + 2j)
print(type(x), type(z), x.dtype, z.dtype, x.itemsize, z.itemsize)
print(isinstance(x, np.floating), isinstance(x, np.inexact), isinstance(z, np.complexfloating))
print(isinstance(z, np.floating), isinstance(x, np.number), issubclass(np.float16, np.floating))
print(np.float16(), np.complex64(), np.float16(3), np.complex64(2.5), np.float16(True))
print(np.float16("0.1"), np.float16(np.float64(0.1)), np.float16(np.int8(-7)))
