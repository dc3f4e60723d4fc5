import numpy as np
a = np.array([-1, 256, 65537, 2**31])
print(repr(a.astype(np.uint8)), repr(a.astype(np.int16)), repr(a.astype(np.uint32)), repr(a.astype(np.int32)))
f = np.array([1e10, -1.5, 255.9])
print(repr(f.astype(np.int64)), repr(f.astype(np.float32)), repr(f.astype(np.uint8)[1:]))
print(repr(np.array([1.5, 2.5, -0.5]).astype(int)), repr(np.array([0.1]).astype(np.float32).astype(np.float64)))
print(repr(np.array([1, 2, 3], dtype=np.uint16) - 5))
