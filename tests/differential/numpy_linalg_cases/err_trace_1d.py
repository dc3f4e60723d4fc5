import numpy as np
print(1)
np.trace(np.ones(3))
