import numpy as np
a = np.arange(6).reshape(2, 3)
print(a)
a + np.array([1, 2])
