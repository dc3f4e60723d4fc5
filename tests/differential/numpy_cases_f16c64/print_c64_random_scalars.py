import numpy as np
rng = np.random.default_rng(14)
c = (rng.standard_normal(60) + 1j * rng.standard_normal(60)).astype(np.complex64)
for i in range(0, 60, 6):
    print(" ".join(repr(x) for x in c[i:i + 6]))
