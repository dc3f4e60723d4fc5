import numpy as np
a = np.arange(3)
np.divide(a, 2, out=np.zeros(3, dtype=np.int64))
