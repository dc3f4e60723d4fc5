import numpy as np
a = np.arange(6).reshape(2, 3)
print(np.zeros_like(a, dtype=np.float32))
print(np.ones_like(a, dtype=bool))
print(np.full_like(a, 2.7))
print(np.full_like(a, 2.7, dtype=np.float64))
print(np.full_like(np.arange(3.0), np.nan))
print(np.zeros_like(np.array(5.0)), np.ones_like([1, 2]))
