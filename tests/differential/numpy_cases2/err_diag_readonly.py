import numpy as np
d = np.diag(np.eye(3))
d[0] = 5
