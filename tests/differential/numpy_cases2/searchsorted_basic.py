import numpy as np
a = np.array([1, 2, 3, 3, 5])
print(np.searchsorted(a, 3), np.searchsorted(a, 3, side='right'))
print(np.searchsorted(a, [0, 3, 4, 6]))
print(np.searchsorted(a, [[1, 5], [2, 9]], side='right'))
print(repr(np.searchsorted(a, 2.5)))
