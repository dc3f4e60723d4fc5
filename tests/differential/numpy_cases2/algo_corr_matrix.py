import numpy as np
t = np.linspace(0, 1, 8)
m = np.vstack([t, t ** 2, 1 - t, np.cos(3 * t)])
print(np.round(np.corrcoef(m), 6))
print(np.round(np.cov(m), 6))
