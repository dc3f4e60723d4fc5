import numpy as np
print(np.copysign([1.0, -2.0, 3.0, 0.0], -1))
print(np.copysign([1.0, -2.0, 3.0, 0.0], [-0.0, 0.0, np.nan, -np.inf]))
print(np.copysign(3, -1), np.copysign(-3, 1.5), np.copysign(np.inf, -0.0))
for d in ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
          'float16', 'float32', 'float64']:
    a = np.array([0, 1, 2], dtype=d)
    print(d, repr(np.copysign(a, -1.0)), repr(np.copysign(a, a)))
print(repr(np.copysign(np.float16([1, -2]), np.float16([-1, 1]))), repr(np.copysign(np.float32(2), -1)))
o = np.zeros(2)
print(np.copysign([1, 2], [-1, 1], out=o), o)
