import numpy as np
np.fliplr([1, 2, 3])
