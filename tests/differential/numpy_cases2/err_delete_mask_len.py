import numpy as np
np.delete(np.arange(3), [True, False])
