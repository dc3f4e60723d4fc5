import numpy as np
np.average(np.ones((2, 3)), weights=[1, 2, 3])
