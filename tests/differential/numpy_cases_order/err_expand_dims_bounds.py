import numpy as np
np.expand_dims(np.zeros((2, 3)), (0, 4))
