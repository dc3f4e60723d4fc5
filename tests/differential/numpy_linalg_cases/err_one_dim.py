import numpy as np
print(1)
np.linalg.inv(np.ones(3))
