import numpy as np
np.ones((1, 2)).squeeze(axis=(0, 0))
