import numpy as np
a = np.array([[7, 1, 4], [2, 9, 3]])
print(np.median(a), np.median(a, axis=0), np.median(a, axis=1, keepdims=True))
print(np.percentile(a, 50), np.percentile(a, [25, 75]), np.percentile(a, 30, axis=1))
print(np.quantile(a, 0.5), np.quantile(a, [0.1, 0.9], axis=0))
print(np.percentile(a, 40, method='lower'), np.percentile(a, 40, method='higher'), np.percentile(a, 40, method='nearest'))
