import numpy as np
for s in ['int8', 'i2', 'i4', 'i8', 'u1', 'uint16', 'u4', 'u8', 'f4', 'f8', 'float32', 'float64', 'bool', 'complex128', '?', 'd', 'l', 'B']:
    print(s, np.array([1, 0], dtype=s).dtype)
print(np.array([1, 2], dtype=float).dtype, np.array([1, 2], dtype=int).dtype, np.array([0, 1], dtype=bool).dtype, np.array([1], dtype=complex).dtype)
