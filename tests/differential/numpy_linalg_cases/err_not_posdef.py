import numpy as np
print(1)
np.linalg.cholesky(np.array([[1., 2], [2, 1]]))
