import numpy as np
a = np.arange(24).reshape(2, 3, 4)
print(a.transpose().shape, a.transpose(1, 0, 2).shape, np.transpose(a, (2, 0, 1)).shape)
print(a.transpose((0, 2, 1))[1, 3], np.transpose(np.arange(3)).shape)
print(np.swapaxes(a, 0, 2).shape, a.swapaxes(-1, -2)[0])
