import numpy as np
g = np.meshgrid([1, 2], [3, 4, 5], [6, 7])
for x in g:
    print(x.shape)
print(g[2][1])
print(type(g).__name__, len(np.meshgrid()))
