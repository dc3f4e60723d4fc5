import numpy as np
print(1)
np.linalg.lstsq(np.ones((3, 2)), np.ones(4), rcond=None)
