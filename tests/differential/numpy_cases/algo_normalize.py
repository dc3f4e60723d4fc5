import numpy as np
data = np.array([[1.0, 200.0, 3.0], [4.0, 150.0, 6.0], [7.0, 100.0, 9.0], [2.0, 50.0, 1.0]])
mu = data.mean(axis=0)
sd = data.std(axis=0)
z = (data - mu) / sd
print(mu, sd)
print(z)
print(z.mean(axis=0), z.std(axis=0))
mn, mx = data.min(axis=0), data.max(axis=0)
print((data - mn) / (mx - mn))
