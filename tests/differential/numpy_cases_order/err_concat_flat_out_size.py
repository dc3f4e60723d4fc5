import numpy as np
a = np.ones((2, 3))
np.concatenate([a, a], axis=None, out=np.zeros(11))
