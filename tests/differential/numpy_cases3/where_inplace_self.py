import numpy as np
a = np.arange(8.0)
np.multiply(a, -1, out=a, where=a > 3)
print(a)
np.add(a, a, out=a, where=a < 0)
print(a)
b = np.arange(10)
np.power(b, 2, out=b, where=b % 3 == 0)
print(b)
