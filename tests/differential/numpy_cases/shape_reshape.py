import numpy as np
a = np.arange(12)
print(a.reshape(3, 4))
print(a.reshape((2, 6)))
print(a.reshape(-1, 3))
print(a.reshape(2, -1, 2).shape)
print(np.reshape(a, (4, 3)))
b = a.reshape(3, 4)
print(b.ravel(), b.flatten(), b.T.ravel(), b.T.flatten())
print(np.ravel(b.T))
r = a.reshape(3, 4)
r[0, 0] = 100
print(a[:3])
