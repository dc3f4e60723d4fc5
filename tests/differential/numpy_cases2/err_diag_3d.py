import numpy as np
np.diag(np.zeros((2, 2, 2)))
