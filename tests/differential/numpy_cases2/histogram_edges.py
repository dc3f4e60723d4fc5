import numpy as np
x = [0, 1, 1, 2, 2, 2, 3, 5]
print(np.histogram(x, bins=[0, 1, 2, 3]))
print(np.histogram(x, bins=[0, 2, 5]))
print(np.histogram(np.array(x) + 0.5, bins=np.array([0.0, 1.5, 4.0])))
