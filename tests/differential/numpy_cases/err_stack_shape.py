import numpy as np
print(np.stack([np.ones(2), np.ones(2)]).shape)
np.stack([np.ones(2), np.ones(3)])
