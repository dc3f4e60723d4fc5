import numpy as np

np.random.seed(42)
print(np.random.rand(3))
print(np.random.randn(2, 3))
print(np.random.randint(0, 10, size=(2, 4)))
print(np.random.normal(5.0, 2.0, 4))
print(np.random.uniform(-1, 1, (2, 2)))
print(np.random.choice([1.5, 2.5, 4.0]))
data = np.random.randn(1000)
print(data.mean(), data.std())
np.random.seed(42)
print(np.random.rand())
