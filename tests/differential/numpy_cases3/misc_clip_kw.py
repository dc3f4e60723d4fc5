import numpy as np
a = np.arange(-3, 4)
print(np.clip(a, -1, 2), np.clip(a, None, 0), np.clip(a, 1, None), a.clip(0, 1))
print(np.clip(a, [0, 0, 0, 0, 0, 0, 0], 1), np.clip(a.astype(float), -0.5, 0.5))
