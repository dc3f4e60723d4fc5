import numpy as np
a = np.array([True, False])
a -= True
