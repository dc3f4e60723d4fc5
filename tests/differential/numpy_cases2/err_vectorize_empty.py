import numpy as np
np.vectorize(lambda x: x)([])
