import numpy as np
np.ones((2, 3, 4)) + np.ones((3, 3))
