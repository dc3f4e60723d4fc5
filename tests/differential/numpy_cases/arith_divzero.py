import numpy as np
a = np.array([1, 0, -1, 5])
print(a // 0, a % 0)
print(np.array([1.0, 0.0, -1.0]) / 0)
print(np.array([1.0, -2.0]) / np.array([0.0, 0.0]))
print(a / 0)
print(np.array([7, -7]) // np.array([0, 2]))
print(np.array([5.0, -5.0]) // 0.0, np.array([5.0]) % 0.0)
