import numpy as np
a = np.array([1, 2, 3])
a += 1
print(a)
a += 1.5
