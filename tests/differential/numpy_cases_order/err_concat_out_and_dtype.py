import numpy as np
a = np.ones((2, 3))
np.concatenate([a, a], out=np.zeros((4, 3)), dtype=float)
