import numpy as np
a = np.zeros((2, 3))
a.flat = 5
print(a.tolist())
a.flat = [1, 2]
print(a.tolist())
a.flat = np.arange(10)
print(a.tolist())
b = np.zeros((3, 2), dtype=int)
b.flat = [1.7, -2.9, 3.2]
print(b.tolist())
c = np.zeros((2, 3))
c.T.flat = [1, 2, 3, 4, 5, 6]
print(c.tolist())
f = np.zeros((2, 3), order='F')
f.flat = np.arange(6)
print(f.tolist(), f.strides)
d = np.arange(4.0)
d.flat = []
print(d.tolist())
e = np.zeros((2, 2), dtype=bool)
e.flat = [0, 3]
print(e.tolist())
g = np.zeros((2, 2))
g.flat = np.array([[1, 2, 3]])
print(g.tolist())
