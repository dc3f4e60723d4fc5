import numpy as np
np.arange(3)['a']
