import numpy as np
a = np.array([1, -2, 3], dtype=np.int16)
print(np.positive(a), np.negative(a), -a, +a)
print(np.negative(np.array([0, 200], dtype=np.uint8)))
print(np.negative(np.float64(0.0)), np.negative(np.array([np.inf, -np.nan])))
