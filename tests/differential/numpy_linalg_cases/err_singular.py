import numpy as np
print(1)
np.linalg.inv(np.array([[1., 2], [2, 4]]))
