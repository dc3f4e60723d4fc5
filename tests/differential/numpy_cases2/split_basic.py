import numpy as np
x = np.arange(9.0)
print(np.split(x, 3))
print(np.split(x, [3, 5, 6, 10]))
print(np.split(np.arange(6).reshape(2, 3), 3, axis=1))
