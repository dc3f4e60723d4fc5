import numpy as np
a = np.arange(6).reshape(2, 3)
print(a[1, -3])
print(a[0, 3])
