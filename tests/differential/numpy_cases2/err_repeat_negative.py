import numpy as np
np.repeat([1, 2], -1)
