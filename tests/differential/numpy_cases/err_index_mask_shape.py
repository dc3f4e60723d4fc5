import numpy as np
a = np.arange(5)
print(a[a > 2])
print(a[np.array([True, False])])
