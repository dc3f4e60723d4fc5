import numpy as np
print(np.array([1e-5, 1.0, 1e5]))
print(np.array([1e-5, 1.0, 1e17]))
print(np.array([123456789.0, 0.5]))
print(np.array([1e16, 1.0]), np.array([0.1, 0.25, 1e-4]))
print(np.array([-0.0, 0.0, 1.0]), np.array([np.nan, 1.5, -np.inf]))
