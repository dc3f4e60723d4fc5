import numpy as np
print(repr(np.repeat(np.array([1, 2], dtype=np.int8), 2)))
print(repr(np.tile(np.array([True, False]), 2)))
print(repr(np.repeat(np.array([1.5 + 2j]), 2)))
