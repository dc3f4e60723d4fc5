import numpy as np
np.array([1j]).conjugate(out=np.zeros(1, complex))
