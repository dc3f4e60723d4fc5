import numpy as np
rng = np.random.default_rng(51)
a = (rng.standard_normal(20) * 5).astype(np.float16)
print(np.sort(a))
print(np.argsort(a))
print(np.unique(np.round(a)))
z = np.array([2 + 1j, 1 + 3j, 1 - 1j, -2j], np.complex64)
print(np.sort(z), np.argsort(z))
