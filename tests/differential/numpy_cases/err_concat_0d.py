import numpy as np
print(np.concatenate([np.array([1]), np.array([2])]))
np.concatenate([np.array(1), np.array(2)])
