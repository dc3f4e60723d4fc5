import numpy as np
a = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
print(np.sort(a), np.argsort(a), a.argsort())
b = np.array([[3, 1, 2], [9, 7, 8]])
print(np.sort(b), np.sort(b, axis=0), np.sort(b, axis=None), np.argsort(b, axis=0))
f = np.array([2.5, np.nan, -1.0, 0.0, np.nan, -3.5])
print(np.sort(f), np.argsort(f))
c = a.copy()
c.sort()
print(c, a)
r = np.array([5, 2, 8, 2, 9, 1, 5, 5, 2, 7, 3, 3, 8, 1, 0, 6, 4, 4, 2, 9, 1])
print(np.argsort(r), np.sort(r)[::-1])
x = (np.arange(50) * 37) % 11
print(np.argsort(x))
