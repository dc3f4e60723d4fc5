# bool and 8-bit sorts: the long ones are counting sorts; in-place ndarray.sort too.
import numpy as np

rng = np.random.default_rng(11)
for n in [10, 600, 70000]:
    b = rng.random(n) < 0.3
    s = np.sort(b)
    print(n, s.dtype, s[:3], s[-3:], int(s.sum()), int(b.sum()), s[n - int(b.sum()) - 1:][:2])
    for dt in [np.int8, np.uint8]:
        x = rng.integers(0, 256, size=n).astype(dt)
        y = x.copy()
        y.sort()
        ref = np.array(sorted(x.tolist()), dtype=dt)
        print(" ", y.dtype, y[:5], y[-5:], np.array_equal(y, ref), np.array_equal(np.sort(x), y))
