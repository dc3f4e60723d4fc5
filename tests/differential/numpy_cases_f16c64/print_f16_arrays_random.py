import numpy as np
rng = np.random.default_rng(12)
for scale in [1e-6, 1e-3, 0.5, 10.0, 300.0, 9000.0, 30000.0]:
    v = (rng.standard_normal(12) * scale).astype(np.float16)
    print(v)
    print(repr(v))
    print(repr(v.reshape(3, 4)))
