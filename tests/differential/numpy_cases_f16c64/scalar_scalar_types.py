import numpy as np
h = np.float16(1.5)
z = np.complex64(1 + 1j)
for other in [1, 1.5, 1j, True, np.int8(1), np.float32(1), np.float64(1), np.float16(1), np.complex128(1)]:
    print(repr(other), type(h + other).__name__, type(z * other).__name__, h + other)
