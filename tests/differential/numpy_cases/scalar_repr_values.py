import numpy as np
for v in [0.1, 1.0, 1e16, 1e-5, 123456789.123, -0.0, float('inf'), float('nan'), 2.5e-300]:
    print(np.float64(v), repr(np.float64(v)), str(np.float64(v)))
for v in [0.1, 1.0, 3.4e38, 1e-5, 16777217.0, 0.3]:
    print(np.float32(v), repr(np.float32(v)))
print(np.int8(-5), np.uint64(2**64 - 1), np.bool_(True), np.bool_(0), np.complex128(1 + 2j))
print(np.int64(2**62) * 2, np.float64(1) / np.float64(3))
print(np.array([1.5]).dtype.type(2), np.float32(2) == 2.0)
