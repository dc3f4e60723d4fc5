import numpy as np
np.array([1.5], np.float16) & np.array([1], np.int8)
