import numpy as np
a = np.array([[1, np.nan, 3], [4, 5, 6]])
print(np.median(a))
print(np.median(a, axis=1))
print(np.median(a, axis=0))
