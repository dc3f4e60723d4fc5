import numpy as np
f = np.vectorize(lambda x, y: x * 2 + y)
print(f(np.arange(3), 1), f([[1], [2]], [10, 20]))
g = np.vectorize(lambda x: x > 1, otypes=[bool])
print(g(np.array([0, 1, 2, 3])))
