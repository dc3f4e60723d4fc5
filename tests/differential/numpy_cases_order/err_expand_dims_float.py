import numpy as np
np.expand_dims(np.zeros(3), (0, 1.0))
