import numpy as np
print(np.zeros((2, 1)).shape)
np.zeros((2, -1))
