import numpy as np
np.expand_dims(np.arange(3), (1, 1))
