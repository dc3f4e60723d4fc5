import numpy as np

rng = np.random.default_rng(3)
print(rng.choice(4, 2))
rng.choice(4, p=[0.5, 0.5, 0.5, 0.5])
