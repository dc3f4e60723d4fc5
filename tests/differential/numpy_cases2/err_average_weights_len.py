import numpy as np
np.average(np.ones((2, 3)), axis=1, weights=[1, 2])
