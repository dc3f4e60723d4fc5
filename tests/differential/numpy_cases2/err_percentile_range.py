import numpy as np
np.percentile([1, 2, 3], 101)
