import numpy as np
from numpy.random import default_rng

rng = default_rng(12345)
print(rng.random(4))
print(rng.integers(0, 100, size=(2, 5)))
print(rng.integers(1, 7, 10, endpoint=True))
print(rng.normal(0, 1, 5))
print(rng.standard_normal((2, 2)))
print(rng.uniform(10, 20, 3))
print(rng.choice(5, 3, replace=False))
print(rng.choice([3, 1, 4, 1, 5], size=4, p=[0.1, 0.2, 0.3, 0.2, 0.2]))
x = np.arange(8)
rng.shuffle(x)
print(x)
print(rng.permutation(5))
print(type(rng).__name__, type(rng.random()).__name__, type(rng.integers(3)).__name__)
print(np.random.default_rng(rng) is rng)
