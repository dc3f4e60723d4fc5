import numpy as np
np.array([1 + 1j], np.complex64) // 2
