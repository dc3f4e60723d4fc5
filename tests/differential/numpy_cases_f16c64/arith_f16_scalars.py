import numpy as np
a = np.array([1.5, 2.25, -3.0, 0.1], np.float16)
for s in [1, 2.5, -1000, 0.1, True, np.float16(2), np.float32(2), np.int8(3), np.int16(1000)]:
    r = a * s
    print(repr(s), r.dtype, r)
print(np.float16(1) / np.float16(3), np.float16(0.1) * 3, type(np.float16(2) * 2))
print(np.float16(60000) + np.float16(10000))
