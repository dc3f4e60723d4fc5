import numpy as np
a = np.arange(6).reshape(2, 3)
b = np.flip(a, 1)
print(np.shares_memory(a, b), b.strides)
b[0, 0] = 99
print(a)
print(np.fliplr(a))
print(np.flipud(a))
print(np.flipud([1, 2, 3]))
