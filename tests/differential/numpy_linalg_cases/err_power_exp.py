import numpy as np
print(1)
np.linalg.matrix_power(np.eye(2), 1.5)
