import numpy as np
np.searchsorted([1, 2], 1, side='middle')
