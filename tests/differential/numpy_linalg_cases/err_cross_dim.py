import numpy as np
print(1)
np.cross([1, 2, 3, 4], [1, 2, 3])
