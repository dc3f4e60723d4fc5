import numpy as np
np.array_split(np.arange(4), 0)
