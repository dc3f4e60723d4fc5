import numpy as np
print(1)
np.dot(np.ones((2, 3)), np.ones(2))
