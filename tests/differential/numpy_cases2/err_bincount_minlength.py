import numpy as np
np.bincount([1], minlength=-2)
