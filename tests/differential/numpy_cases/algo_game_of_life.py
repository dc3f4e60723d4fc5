import numpy as np
g = np.zeros((6, 6), dtype=int)
g[1, 2] = g[2, 3] = g[3, 1] = g[3, 2] = g[3, 3] = 1
for step in range(4):
    n = np.zeros_like(g)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dy or dx:
                s = np.zeros_like(g)
                s[max(dy, 0):6 + min(dy, 0), max(dx, 0):6 + min(dx, 0)] = g[max(-dy, 0):6 + min(-dy, 0), max(-dx, 0):6 + min(-dx, 0)]
                n += s
    g = ((n == 3) | ((g == 1) & (n == 2))).astype(int)
    print(g.sum())
print(g)
