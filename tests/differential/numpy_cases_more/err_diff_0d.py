import numpy as np
np.diff(np.array(5))
