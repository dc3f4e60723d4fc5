import numpy as np
a = np.arange(6).reshape(2, 3)
print(np.average(a, axis=1, keepdims=True))
print(np.average(a, axis=0, weights=[1, 2], keepdims=True))
