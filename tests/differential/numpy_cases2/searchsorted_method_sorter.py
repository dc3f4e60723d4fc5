import numpy as np
a = np.array([3, 1, 2])
print(np.searchsorted(a, 2, sorter=np.argsort(a)))
b = np.linspace(0, 1, 5)
print(b.searchsorted(0.3), b.searchsorted([0.25, 0.5], side='right'))
print(np.searchsorted([1.0, 2.0, np.nan], [np.nan, 3.0]))
