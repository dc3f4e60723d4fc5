import numpy as np
a = np.array([1.0, -1.0, 0.0])
print(a / 0)
print(a // 0)
print(a % 0)
print(np.divide(a, 0.0), np.true_divide(1, np.array([0.0, -0.0])))
print(np.float64(1) / 0, np.float64(-1) / np.float64(0), np.float64(0) / 0)
