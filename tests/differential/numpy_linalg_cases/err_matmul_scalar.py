import numpy as np
print(1)
np.matmul(np.ones(3), 2)
