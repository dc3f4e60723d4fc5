import numpy as np
np.arange(6).reshape(2, 3, order='K')
