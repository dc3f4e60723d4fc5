import numpy as np
np.arctan2(np.array([1j], np.complex64), 1)
