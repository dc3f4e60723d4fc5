import numpy as np
np.reciprocal(np.array([1.5]), out=np.zeros(1, int))
