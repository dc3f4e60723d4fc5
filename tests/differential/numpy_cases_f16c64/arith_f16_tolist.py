import numpy as np
rng = np.random.default_rng(22)
a = rng.uniform(-100, 100, 16).astype(np.float16)
b = rng.uniform(-5, 5, 16).astype(np.float16)
for r in [a + b, a - b, a * b, a / b, a * a, b ** 3]:
    print(r.tolist())
print(np.power(np.abs(a), np.float16(0.3)).tolist())
