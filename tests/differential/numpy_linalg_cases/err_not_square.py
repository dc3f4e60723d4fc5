import numpy as np
print(1)
np.linalg.det(np.ones((2, 3)))
