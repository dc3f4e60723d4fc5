import numpy as np
x = np.random.RandomState(5).rand(129, 67)
t = x.T
u = (t * 3.0 + 1.0) / 7.0
print(u.flags.f_contiguous, u.strides)
print(repr(u.sum(axis=0)[:3]), repr(u.sum(axis=1)[:3]), repr(u.sum()))
v = np.sin(t) * np.cos(t)
print(repr(v.sum(axis=1)[:2]), repr(v.mean()), repr(np.exp(t).sum(axis=0)[0]))
w = t[:-1:2] - t[1::2]
print(w.strides, repr(w.sum(axis=0)[:2]))
