import numpy as np
np.average([1, 2], weights=[0, 0])
