import numpy as np
print(repr(np.roll(np.array([1.5, 2.5, 3.5], dtype=np.float32), 1)))
print(repr(np.roll(np.array([[True, False]]), 1)))
