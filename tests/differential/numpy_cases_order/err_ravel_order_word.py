import numpy as np
np.arange(6).ravel(order='fortran')
