import numpy as np
np.copysign(np.array([1 + 1j]), 1.0)
