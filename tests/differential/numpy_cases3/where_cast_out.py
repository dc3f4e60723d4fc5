import numpy as np
a = np.arange(5)
o = np.zeros(5, dtype=np.float32)
print(np.add(a, 1, out=o, where=a % 2 == 0))
o = np.zeros(5, dtype=np.int8)
print(np.multiply(a, 100, out=o, where=a > 0))
o = np.zeros(5)
print(np.sqrt(a, out=o, where=a != 3))
