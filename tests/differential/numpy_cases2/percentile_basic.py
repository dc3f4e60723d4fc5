import numpy as np
a = np.array([[10, 7, 4], [3, 2, 1]])
print(np.percentile(a, 50))
print(np.percentile(a, 50, axis=0))
print(np.percentile(a, [25, 50, 75]))
print(np.percentile(a, [10, 90], axis=1))
print(np.percentile(a, 33, axis=1, keepdims=True))
