import numpy as np
np.add(np.ones((2, 3)), 1, out=np.zeros(3))
