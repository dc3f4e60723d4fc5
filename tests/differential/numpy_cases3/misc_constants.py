import numpy as np
print(np.pi, np.e, np.inf, -np.inf, np.nan, np.newaxis is None)
print(repr(np.pi), type(np.pi).__name__, np.isnan(np.nan), np.float64(np.pi))
print(np.array([np.pi, np.e]))
