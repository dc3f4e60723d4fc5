import numpy as np
for d in ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
          'float16', 'float32', 'float64']:
    a = np.array([0, 1, 2], dtype=d)
    print(d, repr(np.angle(a)), repr(np.angle(a, deg=True)))
print(repr(np.angle(np.float16(-1), deg=True)), repr(np.angle(np.array(-2.0))), repr(np.angle(True)))
print(repr(np.angle(np.array([-1, -2], np.int8))))
