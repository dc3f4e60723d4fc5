import numpy as np
x = np.array([0, 1, 1, 3, 2, 1, 7])
print(np.bincount(x), np.bincount(x, minlength=10), np.bincount(x, weights=np.arange(7) * 0.5))
h, e = np.histogram(np.array([1.0, 2.0, 2.5, 4.0]), bins=3)
print(h, e)
h, e = np.histogram(np.arange(10), bins=[0, 3, 6, 10])
print(h, e)
print(np.histogram(np.arange(5), bins=2, range=(0, 10)))
