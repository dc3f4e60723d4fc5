import numpy as np
np.invert(np.array([1.5], np.float16))
