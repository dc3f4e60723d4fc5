import numpy as np
a = np.arange(3)
print(np.expand_dims(a, 0).shape, np.expand_dims(a, 1).shape, np.expand_dims(a, -1).shape)
print(np.expand_dims(np.float64(1), 0))
print(a[:, np.newaxis].shape, a[np.newaxis, :, np.newaxis].shape)
