import numpy as np
a = np.array([1, 2, 2, 3, 5])
print(np.searchsorted(a, 2), np.searchsorted(a, 2, side='right'), np.searchsorted(a, [0, 4, 6]))
print(a.searchsorted(3), np.searchsorted(a, np.array([[1], [5]])))
