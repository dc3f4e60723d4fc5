import numpy as np
x = np.array([0.1, 0.2, 0.25, 0.9], dtype=np.float32)
h, e = np.histogram(x, bins=4)
print(h, repr(e))
