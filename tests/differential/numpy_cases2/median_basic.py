import numpy as np
print(np.median([3, 1, 2]))
print(np.median([4, 1, 3, 2]))
print(repr(np.median(np.array([1.5, 2.5]))))
print(repr(np.median(np.array([1, 2, 4], dtype=np.float32))))
print(repr(np.median(np.array([1, 2], dtype=np.int8))))
