import numpy as np
np.transpose(np.zeros((2, 3)), (0,))
