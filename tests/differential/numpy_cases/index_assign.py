import numpy as np
a = np.zeros(6)
a[0] = 1
a[-1] = 2.5
a[2:4] = 7
a[1:3] = [8, 9]
print(a)
b = np.zeros((3, 4), dtype=int)
b[1] = 5
b[:, 2] = [1, 2, 3]
b[0, 0] = 3.9
b[2, 1:] = np.array([7, 8, 9])
print(b)
b[b > 4] = -1
print(b)
b[[0, 2], [0, 3]] = 100
print(b)
b[[1, 1], [0, 0]] = [5, 6]
print(b)
c = np.arange(10)
c[c % 2 == 1] = np.array([10, 30, 50, 70, 90])
c[::3] = 0
print(c)
d = np.zeros((2, 3))
d[...] = 4
d[:, [0, 2]] = [[1, 2], [3, 4]]
d[None, 0] = 9
print(d)
e = np.arange(5)
e[:] = e[::-1]
print(e)
