import numpy as np
for z in [1 + 0.1j, 1e20 + 1j, 1e-7j, 3, complex(1e16, 1), -0.1 - 0.2j, -1j, complex(-0.0, 2),
          complex(float("nan"), 1), complex(1, float("inf")), 123456789 + 1j, 0.3 + 0.7j,
          1 / 3 + 2j / 3, 1e-5 + 1e5j]:
    c = np.complex64(z)
    print(c, repr(c), str(c))
