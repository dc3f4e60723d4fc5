import numpy as np
np.zeros((1, 3)).squeeze(axis=2)
