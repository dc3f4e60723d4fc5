import numpy as np
print(np.arange(0, 1, 0.1))
print(np.arange(1, 2, 0.3))
print(np.arange(-1, 1, 0.25))
print(np.arange(0.5, 5), len(np.arange(0, 10, 0.7)))
print(np.arange(10, 0, -1.5))
print(np.arange(0, 3 * np.pi, np.pi / 2))
print(np.arange(1e10, 1e10 + 5))
