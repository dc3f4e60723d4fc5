import numpy as np
a = (np.arange(24).reshape(2, 3, 4) * 5) % 13
print(np.percentile(a, 60, axis=2))
print(np.percentile(a, [20, 80], axis=(0, 1)))
print(np.quantile(a, 0.5, axis=0, keepdims=True))
