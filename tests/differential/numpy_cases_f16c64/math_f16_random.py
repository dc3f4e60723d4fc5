import numpy as np
rng = np.random.default_rng(31)
a = rng.uniform(0.01, 8, 40).astype(np.float16)
for f in [np.sqrt, np.exp, np.log, np.sin, np.cos, np.arctan, np.tanh]:
    print(f.__name__, f(a).tolist())
print(np.arctan2(a[:10], a[10:20]).tolist())
print(np.hypot(a[:10], a[10:20]).tolist())
