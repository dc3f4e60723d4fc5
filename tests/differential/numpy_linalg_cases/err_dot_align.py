import numpy as np
print(1)
np.dot(np.ones((2, 3, 4)), np.ones((3, 5, 2)))
