import numpy as np
a = np.array([[1.0, 2.0], [3.0, 4.0]])
print(np.average(a), np.average(a, axis=0, weights=[1, 3]), np.average(a, weights=[[1, 0], [0, 1]]))
avg, wsum = np.average(a, axis=1, weights=[2, 1], returned=True)
print(avg, wsum)
print(np.average(np.arange(4), keepdims=True) if False else np.average(np.arange(4)))
