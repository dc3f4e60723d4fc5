import numpy as np
print(1)
np.linalg.eigh(np.eye(2), UPLO='X')
