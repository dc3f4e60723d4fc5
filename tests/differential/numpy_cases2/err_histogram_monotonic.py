import numpy as np
np.histogram([1, 2], bins=[0, 2, 1])
