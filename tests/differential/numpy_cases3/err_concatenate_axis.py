import numpy as np
np.concatenate([np.zeros((2, 2)), np.zeros((2, 2))], axis=2)
