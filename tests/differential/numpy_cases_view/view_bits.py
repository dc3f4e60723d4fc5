import numpy as np
# reading float bits through views, and writing through them
x = np.array([0.0, -0.0, 1.0, np.inf, np.nan, 1e-310])
print(x.view(np.uint64), x.view(np.int64) < 0)
f = np.array([1.5, -2.25], dtype=np.float32)
print(f.view(np.uint32), f.view(np.uint16), f.view(np.int8).reshape(2, 4))
b = np.array([True, False, True])
print(b.view(np.uint8), b.view(np.int8).sum())
u = np.zeros(4, dtype=np.uint8)
u.view(np.uint32)[0] = 0x01020304
print(u, u.view(np.uint16))
m = np.arange(12, dtype=np.int16).reshape(3, 4)
print(m.view(np.int32), m.view(np.int64).shape, m[1:].view(np.int32), m.view())
print(np.int32(-1).view(np.uint32), type(np.float32(1).view(np.int32)).__name__)
c = np.array([1 + 2j, 3 - 4j])
print(c.view(np.float64), c.view(np.float64).reshape(2, 2)[:, 1])
