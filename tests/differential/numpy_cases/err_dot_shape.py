import numpy as np
a = np.ones((2, 3))
print(np.dot(a, a.T).shape)
np.dot(a, a)
