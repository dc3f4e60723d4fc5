import numpy as np
print(np.arange(2000))
print(repr(np.arange(2000)))
print(np.arange(3000).reshape(3, 1000))
print(repr(np.arange(1001) / 10))
print(np.arange(10000).reshape(100, 100))
print(repr(np.zeros((20, 100), dtype=np.int32)))
