import numpy as np
for dt in [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint32, np.float32, np.float64, np.bool_, np.complex128]:
    print(repr(np.array([1, 0], dtype=dt)))
print(repr(np.array([], dtype=np.int64)), repr(np.array([], dtype=np.float32)), repr(np.zeros((0, 2), dtype=np.uint8)))
