import numpy as np
np.add(np.arange(3), 1, out=[0, 0, 0])
