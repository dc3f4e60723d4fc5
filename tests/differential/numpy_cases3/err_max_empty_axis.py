import numpy as np
np.zeros((0, 3)).max(axis=0)
