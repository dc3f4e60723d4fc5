import numpy as np
v = np.vectorize(lambda x: x / 2, otypes=[float])
print(v([1, 2, 3]))
w = np.vectorize(lambda x: x * 2, otypes='f')
print(repr(w([1, 2])))
print(repr(np.vectorize(lambda x: x, otypes=[int])([])))
