import numpy as np
np.arange(4).reshape(2, 2).copy(order=1)
