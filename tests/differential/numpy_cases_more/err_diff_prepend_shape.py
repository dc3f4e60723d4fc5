import numpy as np
np.diff(np.zeros((2, 3)), prepend=[1, 2])
