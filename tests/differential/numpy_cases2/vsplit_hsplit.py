import numpy as np
x = np.arange(16.0).reshape(4, 4)
print(np.vsplit(x, 2))
print(np.hsplit(x, [3, 6]))
print(np.hsplit(np.arange(6), 3))
print(np.dsplit(np.arange(8).reshape(1, 2, 4), 2))
