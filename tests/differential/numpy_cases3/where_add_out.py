import numpy as np
a = np.arange(6.0)
o = np.full(6, -1.0)
r = np.add(a, 10, out=o, where=a > 2)
print(r)
print(r is o)
print(np.multiply(a, a, out=np.zeros(6), where=[True, False] * 3))
