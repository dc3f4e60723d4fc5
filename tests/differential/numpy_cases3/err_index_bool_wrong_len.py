import numpy as np
np.arange(4)[np.array([True, False])]
