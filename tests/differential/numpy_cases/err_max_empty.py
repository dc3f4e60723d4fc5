import numpy as np
print(np.array([1]).max())
np.array([]).max()
