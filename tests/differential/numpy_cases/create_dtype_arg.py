import numpy as np
for dt in [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
           np.float32, np.float64, np.bool_, 'float32', 'i8', 'uint8', 'f8', 'int32', float, int, bool]:
    a = np.array([1, 0, 3], dtype=dt)
    print(repr(a), a.dtype, a.itemsize)
