import numpy as np
a = np.array([[1.5, -2.25], [1e5, 3.0]])
print(str(a))
print(repr(a))
print(repr(a.astype(np.float32)))
print(str(np.array([[True, False]])), repr(np.array([[1 + 1j, 2]])))
