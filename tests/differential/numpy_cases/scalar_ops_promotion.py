import numpy as np
x = np.float32(1.5)
y = np.int8(3)
print(type(x + 1), type(x + 1.0), type(y + 1), type(y + 1000), type(y * 1.5), type(x + y))
print(x + 1, y + 1000, y * 1.5, x * y)
print(type(np.int64(2) + np.float32(1)), type(np.uint8(1) + np.int8(1)), type(np.bool_(True) + 1))
print(np.float64(1) / 3, np.float32(1) / 3, type(np.float32(1) / 3))
print(np.int64(5) == 5, np.float64(0.5) < 1, np.bool_(True) and 1, not np.bool_(False))
print(np.int32(7) // np.int32(2), type(np.int32(7) // np.int32(2)), np.int64(-7) % 3)
