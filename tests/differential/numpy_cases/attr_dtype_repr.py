import numpy as np
a = np.array([1.5])
print(a.dtype)
print(repr(a.dtype))
print(a.dtype == np.float64, a.dtype == 'float64', a.dtype == np.int32)
print(np.dtype('int32'), repr(np.dtype('uint8')), np.dtype(float))
print(a.dtype.name, a.dtype.itemsize, a.dtype.kind)
print(np.array([1], dtype=np.int16).dtype.kind, np.array([True]).dtype.kind)
