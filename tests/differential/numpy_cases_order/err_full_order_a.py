import numpy as np
np.full((2, 2), 1, order='A')
