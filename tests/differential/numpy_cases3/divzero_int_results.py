import numpy as np
a = np.array([5, -5, 0])
print(a // 0, a % 0)
print(np.floor_divide(a, np.array([0, 2, 0])), np.remainder(a, np.array([3, 0, 0])))
print(a / 0)
u = np.array([7, 0], dtype=np.uint8)
print(u // 0, u % 0)
