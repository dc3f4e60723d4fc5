import numpy as np
print(1)
np.vdot([1, 2], [1, 2, 3])
