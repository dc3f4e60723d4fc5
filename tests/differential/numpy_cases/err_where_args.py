import numpy as np
print(np.where([1, 0, 2]))
np.where([1, 0], [1, 2])
