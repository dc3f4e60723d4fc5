import numpy as np
np.delete(np.zeros((2, 2)), 0, axis=2)
