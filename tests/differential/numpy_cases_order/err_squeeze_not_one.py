import numpy as np
a = np.arange(6).reshape(1, 2, 3)
print(a.squeeze(axis=0).shape)
a.squeeze(axis=1)
