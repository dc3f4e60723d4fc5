import numpy as np
a = np.arange(10)
print(a[a > 5], a[a % 2 == 0], a[(a > 2) & (a < 7)], a[~(a > 2)])
b = np.arange(12).reshape(3, 4)
print(b[b > 6], b[np.array([True, False, True])], b[:, np.array([True, False, False, True])])
print(b[b % 3 == 0].shape, a[[True] * 5 + [False] * 5])
f = np.array([1.0, np.nan, 3.0, np.nan])
print(f[~np.isnan(f)], f[np.isnan(f)].size)
print(b[np.array([[True, False, True, False]] * 3)])
