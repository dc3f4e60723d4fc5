import numpy as np
np.diff([1, 2, 3], axis=1)
