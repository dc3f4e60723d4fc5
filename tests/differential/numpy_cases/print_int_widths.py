import numpy as np
print(np.array([1, 10, 100, -5]))
print(np.array([[1, -200], [30, 4]]))
print(repr(np.array([-1, 2], dtype=np.int8)))
print(repr(np.array([255, 0], dtype=np.uint8)))
print(repr(np.array([2**40, 1])))
print(np.array([2**63 - 1, -2**63]))
print(repr(np.array([1, 2], dtype=np.uint64)))
