import numpy as np
a = np.arange(24).reshape(2, 3, 4) % 7
print(np.median(a, axis=1))
print(np.median(a, axis=(0, 2), keepdims=True))
print(np.median(a, keepdims=True).shape)
