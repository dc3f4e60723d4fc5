import numpy as np
a = np.arange(6)
print(a.reshape(-1, 3))
a.reshape(-1, -1)
