import numpy as np
a = np.array([[3, 1, 2], [9, 7, 8]])
print(np.sort(a), np.sort(a, axis=0), np.sort(a, axis=None), np.sort(a, kind='stable'))
print(np.argsort(a), np.argsort(a, axis=0), np.argsort(np.array([2, 1, 2, 1]), kind='stable'))
b = np.array([5, 2, 9])
b.sort()
print(b)
