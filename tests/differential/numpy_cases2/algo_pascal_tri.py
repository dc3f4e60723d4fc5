import numpy as np
n = 6
m = np.tril(np.ones((n, n), dtype=int))
for i in range(2, n):
    for j in range(1, i):
        m[i, j] = m[i - 1, j - 1] + m[i - 1, j]
print(m)
print(np.triu(m.T) == m.T)
