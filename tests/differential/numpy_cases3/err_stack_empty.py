import numpy as np
np.stack([])
