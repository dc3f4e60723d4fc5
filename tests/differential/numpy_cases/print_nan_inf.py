import numpy as np
print(np.array([np.nan, 1.0, 2.5]))
print(np.array([np.inf, -np.inf, 1.0]))
print(np.array([np.nan, np.inf]))
print(np.array([np.nan, -np.inf]))
print(repr(np.array([np.nan])))
print(repr(np.array([1e-8, np.nan, np.inf])))
print(np.array([-np.inf, 0.5]))
