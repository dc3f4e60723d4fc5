import numpy as np
for d in ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64']:
    a = np.array([0, 1, 2, 3, 1], dtype=d)
    print(d, repr(np.reciprocal(a)))
print(repr(np.reciprocal(np.array([-1, -2, 1], np.int8))), np.reciprocal(1), np.reciprocal(0), np.reciprocal(-1))
print(repr(np.reciprocal(np.uint8(1))), repr(np.reciprocal(True)))
