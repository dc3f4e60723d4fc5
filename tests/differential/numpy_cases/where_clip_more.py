import numpy as np
a = np.arange(-5, 6)
print(np.where(a < 0, -a, a), np.where(a % 2 == 0, 'x' == 'x', False), np.clip(a, -2, 2))
print(np.where(a > 0, a, 0.5), np.clip(a.astype(float), -1.5, 1.5), np.clip(a, 0, None))
m = np.arange(12).reshape(3, 4)
print(np.where(m > 5, m, -m), np.where(m % 3 == 0), np.maximum(m, 5), np.minimum(m, m.T[:3, :3].sum()))
print(np.where(True, 1, 2), repr(np.where(np.array(False), 1.5, 2)))
