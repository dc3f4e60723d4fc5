import numpy as np
np.arange(4)[[0, 4]]
