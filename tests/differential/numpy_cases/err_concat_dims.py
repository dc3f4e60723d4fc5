import numpy as np
a = np.array([[1, 2], [3, 4]])
print(np.concatenate([a, a]).shape)
np.concatenate([a, np.array([1, 2, 3])[None]], axis=0)
