import numpy as np
y = np.array([1.0, -1.0, 0.0, 0.0, 3.0])
x = np.array([1.0, 1.0, -1.0, 0.0, -4.0])
print(np.arctan2(y, x))
print(np.hypot(y, x))
print(np.arctan2(1, 2), np.hypot(3, 4))
print(np.arctan2(np.array([1, 2], dtype=np.int32), 3).dtype)
print(np.hypot(np.float32(3), np.float32(4)))
