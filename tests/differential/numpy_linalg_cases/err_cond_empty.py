import numpy as np
print(1)
np.linalg.cond(np.ones((0, 0)))
