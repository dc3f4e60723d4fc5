import numpy as np
x = np.logspace(-2, 2)
print(x.shape, x[0], x[-1])
print(x[10:14])
