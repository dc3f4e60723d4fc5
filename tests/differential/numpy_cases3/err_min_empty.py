import numpy as np
np.min(np.array([]))
