import numpy as np
np.argmin([])
