import numpy as np
a = np.arange(6).reshape(2, 3)
print(np.where(a > 2, a, -1), np.where(a % 2 == 0, 1.5, 0))
print(np.where(a > 2), np.where([True, False, True]))
print(np.where(True, a, 0), np.where(a > 10, 1, 2).dtype, np.where([1, 0], 2, 3.5))
