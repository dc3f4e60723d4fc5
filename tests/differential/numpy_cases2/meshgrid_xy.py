import numpy as np
x, y = np.meshgrid([1, 2, 3], [10, 20])
print(x)
print(y)
print(x.shape, y.shape)
