import numpy as np
def f(i, j, scale=1):
    return (i * 3 + j) * scale
print(np.fromfunction(f, (2, 3), scale=10))
print(np.fromfunction(lambda i, j: 7, (2, 2)))
