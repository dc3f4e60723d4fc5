import numpy as np
a = np.arange(5)
print(a[np.int64(2)])
print(a[1.5])
