import numpy as np
a = np.arange(5)
print(a[np.array([1, 2])])
a[np.array([1.0, 2.0])]
