import numpy as np
u = np.array([0, 1, 65535], dtype=np.uint16)
print(u - 1, u + 1, u * 2)
v = np.array([0, 4294967295], dtype=np.uint32)
print(v + 1, v - 1)
w = np.array([0, 18446744073709551615], dtype=np.uint64)
print(w + np.uint64(1), w - np.uint64(1))
print(np.uint8(0) - np.uint8(1), np.uint64(3) * np.uint64(2))
