import numpy as np
np.flip(np.ones((2, 2)), axis=2)
