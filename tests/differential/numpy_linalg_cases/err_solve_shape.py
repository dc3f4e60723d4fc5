import numpy as np
print(1)
np.linalg.solve(np.eye(2), np.ones(3))
