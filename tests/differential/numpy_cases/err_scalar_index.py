import numpy as np
x = np.float64(2.5)
print(x, x + 1)
x[0]
