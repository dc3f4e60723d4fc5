import numpy as np
a = np.array([7, -7, 7, -7])
b = np.array([2, 2, -2, -2])
print(np.true_divide(a, b), np.mod(a, b), np.remainder(a, b), np.floor_divide(a, b))
print(np.fmod(a, b) if hasattr(np, 'fmod') else np.array([1, -1, 1, -1]))
print(np.mod(np.array([5.5, -5.5]), 2), np.floor_divide(np.array([5.5, -5.5]), 2))
