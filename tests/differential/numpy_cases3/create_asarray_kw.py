import numpy as np
a = np.arange(3.0)
print(np.asarray(a) is a, np.asarray(a, dtype=np.float64) is a)
b = np.asarray(a, dtype=np.int32)
print(b, b.dtype, np.shares_memory(a, b))
print(np.asarray([1, 2.5]), np.asarray((1, 2)), np.asarray(5), np.asarray([[True]]))
print(repr(np.asarray([], dtype=np.int8)))
