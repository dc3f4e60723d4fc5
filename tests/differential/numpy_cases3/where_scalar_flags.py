import numpy as np
a = np.arange(4.0)
o = np.full(4, 7.0)
print(np.add(a, 1, out=o, where=True))
o = np.full(4, 7.0)
print(np.add(a, 1, out=o, where=False))
o = np.full(4, 7.0)
print(np.exp(a, out=o, where=False))
