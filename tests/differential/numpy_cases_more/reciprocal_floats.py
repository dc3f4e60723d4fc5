import numpy as np
for d in ['float16', 'float32', 'float64']:
    a = np.array([0.0, -0.0, 1, 2, -4, 3, np.inf, -np.inf, np.nan], dtype=d)
    print(d, repr(np.reciprocal(a)))
print(np.reciprocal(2.0), np.reciprocal(np.float32(8)), np.reciprocal([[4.0, 0.5]]))
