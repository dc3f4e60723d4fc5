import numpy as np
a = np.arange(100).reshape(4, 25) * 1.1
print(a)
print(repr(a[:2]))
b = np.arange(50).reshape(2, 25) - 25
print(b)
print(repr(b.astype(np.int16)))
