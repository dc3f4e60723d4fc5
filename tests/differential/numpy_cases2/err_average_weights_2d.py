import numpy as np
np.average(np.ones((2, 3)), axis=1, weights=np.ones((3, 1)))
