import numpy as np
a = np.arange(6).reshape(2, 3)
print(list(a.flat), a.flat[4], a.T.flat[1])
a.flat[[0, 5]] = 99
print(a)
