import numpy as np
np.squeeze(np.zeros((1, 3, 1)), axis=(0, 1))
