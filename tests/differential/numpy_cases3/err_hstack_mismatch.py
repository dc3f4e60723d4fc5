import numpy as np
np.hstack([np.ones((2, 2)), np.ones((3, 2))])
