import numpy as np
np.conjugate(np.array([1j]), out=np.zeros(1))
