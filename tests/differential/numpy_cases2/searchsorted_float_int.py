import numpy as np
a = np.arange(0, 100, 10)
print(np.searchsorted(a, [5.5, 10, 10.0001, -3, 1000]))
print(np.searchsorted(a, np.array([[15, 25]]), side='right'))
