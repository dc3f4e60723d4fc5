import numpy as np
print(np.bincount([0, 1, 1, 3, 2, 1, 7]))
print(np.bincount(np.array([3, 3], dtype=np.uint8)))
print(repr(np.bincount([])))
print(np.bincount([1, 2], minlength=5))
print(np.bincount([True, False, True]))
