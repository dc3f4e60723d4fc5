# Sorts along axis 0, 1 and None of 2-D arrays long enough for the radix sort, of strided and
# transposed views, and ndarray.sort in place on a view.
import numpy as np

rng = np.random.default_rng(29)
a = rng.integers(-10**6, 10**6, size=(4, 30000))
f = rng.standard_normal((30000, 3)).astype(np.float32)
for ax in [0, 1, -1, None]:
    s = np.sort(a, axis=ax)
    print("int64 axis", ax, s.shape, s[..., :3].tolist() if s.ndim == 2 else s[:5])
    t = np.sort(f, axis=ax)
    print("float32 axis", ax, t.shape, t[:2], t[-2:])
v = a[:, ::3]
s = np.sort(v, axis=1)
print(v.shape, s[:, :4], s[:, -4:], (s[:, 1:] >= s[:, :-1]).all())
s = np.sort(a.T, axis=0)
print(s.shape, s[:3], (s[1:] >= s[:-1]).all(), np.array_equal(s, np.sort(a, axis=1).T))
u = a.astype(np.uint32)[::-1, ::2]
print(np.sort(u, axis=None)[:5], np.sort(u, axis=None)[-5:])
b = a.copy()
w = b[1:3, ::2]
w.sort()
print(b[:, :6], (b[1, 0:30000:2][1:] >= b[1, 0:30000:2][:-1]).all())
print(np.array_equal(b[0], a[0]), np.array_equal(b[1, 1::2], a[1, 1::2]))
g = f.T.copy()
g[::2].sort(axis=1)
print(g[:, :4], g[:, -4:])
