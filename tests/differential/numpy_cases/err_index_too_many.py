import numpy as np
a = np.arange(6).reshape(2, 3)
print(a[1, 2])
print(a[1, 2, 0])
