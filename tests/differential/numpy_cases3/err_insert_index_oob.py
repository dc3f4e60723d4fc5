import numpy as np
np.insert(np.arange(3), 5, 1)
