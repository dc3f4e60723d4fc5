import numpy as np
a = np.arange(6).reshape(2, 3)
print(np.average(a), np.average(a, axis=0), np.average(a, axis=1))
print(repr(np.average([1, 2, 3, 4])))
print(repr(np.average(np.array([1, 2], dtype=np.float32))))
