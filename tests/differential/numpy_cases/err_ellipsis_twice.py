import numpy as np
a = np.ones((2, 2))
print(a[..., 0])
a[..., ...]
