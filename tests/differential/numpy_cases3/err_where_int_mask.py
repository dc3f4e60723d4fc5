import numpy as np
a = np.arange(3.0)
np.add(a, 1, out=np.zeros(3), where=np.array([1, 0, 1]))
