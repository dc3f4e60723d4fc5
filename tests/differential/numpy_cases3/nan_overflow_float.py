import numpy as np
print(np.exp(np.array([1000.0, -1000.0, 0.0])))
print(np.float32(1e38) * np.float32(10), np.array([1e308]) * 10)
print(np.exp(np.float32(100)), np.power(10.0, 400))
print(np.array([1e-320]) / 1e10)
