import numpy as np
a = np.arange(12)
print(a.reshape(3, 4), a.reshape((2, -1)).shape, a.reshape(-1, 2, 3).shape)
print(np.reshape(a, (4, 3)).shape, np.reshape(a, 12).shape, a.reshape(1, -1).shape)
print(np.arange(6).reshape(2, 3).reshape(-1))
