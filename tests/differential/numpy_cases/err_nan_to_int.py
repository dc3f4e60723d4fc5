import numpy as np
a = np.zeros(2, dtype=int)
a[0] = 3.9
print(a)
a[1] = float('nan')
