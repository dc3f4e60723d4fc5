import numpy as np
x = (np.arange(100) * 37) % 101 / 10.0
counts, edges = np.histogram(x, bins=5)
for c, lo, hi in zip(counts, edges[:-1], edges[1:]):
    print(f'{lo:5.2f}-{hi:5.2f} {c:3d} ' + '#' * int(c // 2))
