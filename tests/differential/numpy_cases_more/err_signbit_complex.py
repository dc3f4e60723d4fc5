import numpy as np
np.signbit(np.array([1 + 1j]))
