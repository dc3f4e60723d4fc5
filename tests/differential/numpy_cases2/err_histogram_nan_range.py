import numpy as np
np.histogram([1.0, np.nan])
