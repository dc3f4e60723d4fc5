import numpy as np
t = np.array([True, False])
print(t + t)
print(t - t)
