import numpy as np
np.ones((2, 2), order='K')
