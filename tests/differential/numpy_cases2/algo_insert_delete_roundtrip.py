import numpy as np
a = np.arange(10)
b = np.delete(a, [1, 4, 7])
c = np.insert(b, [1, 3, 5], [1, 4, 7])
print(b, c, np.array_equal(a, c))
