import numpy as np
for dt in [np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint64, np.float32, np.float64, np.complex128]:
    a = np.zeros((2, 3), dtype=dt)
    print(a.dtype, a.itemsize, a.nbytes, a.ndim, a.size)
print(np.zeros(0).nbytes, np.float64(1).itemsize, np.int8(1).nbytes)
