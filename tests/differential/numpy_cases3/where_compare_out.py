import numpy as np
a = np.array([1, 5, 3, 7])
b = np.array([2, 4, 3, 8])
o = np.array([True, True, False, False])
print(np.greater(a, b, out=o, where=[False, True, True, False]))
o2 = np.zeros(4, dtype=bool)
print(np.equal(a, b, out=o2, where=a > 2))
print(np.logical_and(a > 2, b > 3, out=np.ones(4, dtype=bool), where=[True, True, False, False]))
