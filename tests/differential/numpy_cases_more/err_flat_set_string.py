import numpy as np
a = np.arange(3.0)
a.flat = 'x'
