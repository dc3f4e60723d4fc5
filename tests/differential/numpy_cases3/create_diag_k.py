import numpy as np
print(np.diag([1, 2, 3], k=1))
print(np.diag([1, 2], k=-2))
m = np.arange(12).reshape(3, 4)
print(np.diag(m), np.diag(m, k=1), np.diag(m, k=-1), np.diag(m, 3), np.diag(m, 5))
