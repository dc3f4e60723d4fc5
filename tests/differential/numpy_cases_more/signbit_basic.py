import numpy as np
for d in ['float16', 'float32', 'float64']:
    a = np.array([0.0, -0.0, 1, -2, np.inf, -np.inf, np.nan, -np.nan], dtype=d)
    print(d, np.signbit(a))
for d in ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64']:
    a = np.array([0, 1, 5], dtype=d)
    print(d, repr(np.signbit(a)))
print(repr(np.signbit(np.array([-1, 2, -128], np.int8))), np.signbit(-3), np.signbit(-0.0), np.signbit(True))
o = np.ones(3, bool)
print(np.signbit([-1.0, 1.0, -2.0], out=o, where=[True, True, False]), o)
