import numpy as np
x = np.sin(np.arange(50) * 0.7)
h, e = np.histogram(x, bins=6)
print(h, h.sum())
print(e)
h2, e2 = np.histogram(x, bins=6, range=(-1, 1))
print(h2, e2)
