import numpy as np
np.mean(np.zeros((2, 2)), axis=-3)
