import numpy as np
z = np.array([1 + 2j, -0.5j, 3, 2 - 1j, -4], np.complex64)
for f in [np.sqrt, np.exp, np.log, np.sin, np.cos, np.square, np.negative]:
    r = f(z)
    print(f.__name__, r.dtype, r)
print(np.abs(z), np.abs(z).dtype)
print(np.isnan(z), np.isfinite(z), np.isinf(z))
print(z ** 0.5)
