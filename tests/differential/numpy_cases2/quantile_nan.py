import numpy as np
x = np.array([1.0, np.nan, 3.0])
print(np.quantile(x, 0.5), np.percentile(x, [10, 90]))
print(np.quantile(np.array([[1.0, 2.0], [np.nan, 1.0]]), 0.5, axis=1))
