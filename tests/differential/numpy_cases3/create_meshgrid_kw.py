import numpy as np
x = np.array([1, 2, 3])
y = np.array([10, 20])
X, Y = np.meshgrid(x, y)
print(X, Y, sep="\n")
I, J = np.meshgrid(x, y, indexing='ij')
print(I.shape, J.shape)
S1, S2 = np.meshgrid(x, y, sparse=True)
print(S1, S2)
