import numpy as np
rng = np.random.default_rng(11)
for scale in [1e-7, 1e-4, 0.01, 1.0, 50.0, 2000.0, 40000.0]:
    v = (rng.standard_normal(40) * scale).astype(np.float16)
    print(" ".join(str(x) for x in v))
    print(" ".join(repr(x) for x in v[:10]))
