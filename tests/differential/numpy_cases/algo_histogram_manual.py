import numpy as np
vals = np.array([1, 3, 2, 3, 3, 1, 5, 2, 2, 2])
counts = np.zeros(6, dtype=int)
for v in vals:
    counts[v] += 1
print(counts)
u, c = np.unique(vals, return_counts=True)
print(dict(zip(u.tolist(), c.tolist())))
print(vals[np.argsort(vals)], np.sort(vals)[::-1][:3])
print((vals == 2).sum(), np.count_nonzero(vals > 2), vals.mean())
