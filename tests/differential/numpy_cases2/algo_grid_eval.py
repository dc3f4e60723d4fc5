import numpy as np
xs = np.linspace(-1, 1, 5)
X, Y = np.meshgrid(xs, xs)
Z = X ** 2 + Y ** 2
print(Z)
print(np.argmin(Z), Z.min())
