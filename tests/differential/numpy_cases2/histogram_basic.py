import numpy as np
h, e = np.histogram([1, 2, 1, 4, 5, 2.5])
print(h)
print(e)
print(np.histogram(np.arange(10), bins=3))
