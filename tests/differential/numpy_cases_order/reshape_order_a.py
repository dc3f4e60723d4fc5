import numpy as np
a = np.arange(12).reshape(3, 4)
f = np.asfortranarray(a)
print(a.reshape(4, 3, order='A'))
print(f.reshape(4, 3, order='A'))
print(a.T.reshape(12, order='A'), np.shares_memory(a.T.reshape(12, order='A'), a))
print(a[:, ::2].reshape(6, order='A'))
print(np.arange(4).reshape(2, 2, order='A').strides, np.reshape(f, (2, 6), order='A').strides)
