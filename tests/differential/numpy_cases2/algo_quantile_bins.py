import numpy as np
x = np.array([5, 1, 9, 3, 7, 2, 8, 4, 6, 10])
edges = np.quantile(x, [0, 0.25, 0.5, 0.75, 1])
print(edges)
print(np.searchsorted(edges[1:-1], x, side='right'))
