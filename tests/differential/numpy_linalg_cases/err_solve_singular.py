import numpy as np
print(1)
np.linalg.solve(np.zeros((3, 3)), np.ones(3))
