import numpy as np
np.meshgrid([1], [2], indexing='xyz')
