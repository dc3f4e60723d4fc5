import numpy as np
np.zeros((2, 2))[0, 0, 0]
