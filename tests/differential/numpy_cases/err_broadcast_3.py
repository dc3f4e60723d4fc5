import numpy as np
print(np.ones((3, 4)).shape)
np.ones((3, 4)) * np.ones((4, 3))
