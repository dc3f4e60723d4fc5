import numpy as np
a = np.zeros(5, dtype=int)
a[[0, 0, 1]] = [1, 2, 3]
print(a)
b = np.arange(12).reshape(3, 4)
b[[0, 2]] = 0
print(b)
b[:, [1, 2]] = np.array([[7, 8]])
print(b)
b[b == 0] = np.arange(1, 5)
print(b)
c = np.arange(10)
c[[-1, -2]] += 100
print(c)
d = np.zeros((2, 3))
d[[0, 1], [0, 2]] = np.array([1.5, 2.5])
print(d)
