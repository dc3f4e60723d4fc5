import numpy as np
a = np.ones((2, 3, 4))
for f in [np.sum, np.mean, np.max, np.min, np.prod, np.any, np.all, np.std, np.var]:
    print(f(a, axis=1, keepdims=True).shape, f(a, axis=(0, 2), keepdims=True).shape, f(a, keepdims=True).shape)
