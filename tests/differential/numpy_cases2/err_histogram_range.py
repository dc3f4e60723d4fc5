import numpy as np
np.histogram([1, 2], range=(3, 1))
