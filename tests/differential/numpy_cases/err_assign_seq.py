import numpy as np
a = np.zeros(3)
a[0] = 5
print(a)
a[0] = [1, 2]
