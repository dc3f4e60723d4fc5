import numpy as np
m = np.arange(1, 10).reshape(3, 3)
print(np.diag(np.diag(m)))
print(np.diag(np.diag(m, 1), 1))
print(np.diag(m).sum())
