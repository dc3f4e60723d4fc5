import numpy as np
a = np.arange(1, 11)
print(np.quantile(a, 0.5), np.quantile(a, 0.25), np.quantile(a, [0, 0.33, 1]))
print(repr(np.quantile(a, 1)), repr(np.quantile(a, 0)))
print(np.quantile(a.reshape(2, 5), 0.5, axis=1))
print(np.quantile(a.reshape(2, 5), [[0.1], [0.9]], axis=0))
