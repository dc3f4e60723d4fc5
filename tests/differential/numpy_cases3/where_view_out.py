import numpy as np
a = np.zeros((3, 4))
v = a[:, 1:3]
np.add(np.ones((3, 2)), 5, out=v, where=np.array([[True, False], [False, True], [True, True]]))
print(a)
w = a.T
np.negative(np.arange(12.0).reshape(4, 3), out=w, where=np.arange(12).reshape(4, 3) % 5 == 0)
print(a)
