import numpy as np
rng = np.random.default_rng(13)
for scale in [1e-3, 1.0, 1e4, 1e9]:
    c = ((rng.standard_normal(6) + 1j * rng.standard_normal(6)) * scale).astype(np.complex64)
    print(c)
    print(repr(c))
print(np.array([1 + 0.1j, 2, 3j], np.complex64))
print(repr(np.array([[1 + 1j, 2], [3, 4 - 4j]], np.complex64)))
