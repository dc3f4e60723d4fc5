import numpy as np
a, b = np.meshgrid(np.arange(3), np.linspace(0, 1, 2), indexing='ij')
print(a)
print(b)
print(np.meshgrid([1, 2], [3, 4, 5], sparse=True))
print(np.meshgrid([1, 2], [3, 4, 5], sparse=True, indexing='ij'))
