import numpy as np
a = np.array([1.0, np.nan, 3.0])
print(a.max(), a.min(), a.mean(), a.std(), a.argmax(), a.argmin())
b = np.array([1.0, np.inf, -np.inf])
print(b.sum(), b.max(), b.min(), b.prod(), np.cumsum(b))
print(np.array([np.inf, np.inf]).mean(), np.array([np.inf, 1.0]).std())
