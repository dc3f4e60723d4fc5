import numpy as np
a = np.arange(3).reshape(3, 1)
b = np.arange(4)
print(a + b, a * b - b)
c = np.ones((2, 1, 3))
print((c + np.ones((4, 1))).shape, (np.zeros((0, 1)) + np.ones(3)).shape, (np.float64(2) * c).shape)
print((np.zeros((1, 0)) + np.ones((5, 1))).shape, np.add(np.zeros(()), np.ones((2,))).shape)
