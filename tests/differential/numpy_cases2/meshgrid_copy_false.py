import numpy as np
x, y = np.meshgrid([1, 2], [3, 4, 5], copy=False)
print(x, y, sep='\n')
print(x.shape, y.shape)
