import numpy as np
a = np.array([[0, 1, 0], [2, 0, 3]])
print(np.nonzero(a))
print(a.nonzero())
print(np.transpose(np.nonzero(a)))
