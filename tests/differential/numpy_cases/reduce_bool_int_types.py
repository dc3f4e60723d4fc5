import numpy as np
b = np.array([[True, False, True], [True, True, True]])
print(b.sum(), b.sum(axis=0), b.mean(), b.all(axis=1), b.any(axis=0), b.max(), b.min(axis=1))
print(repr(b.sum(axis=1)), repr(b.prod(axis=0)), repr(b.cumsum()))
u = np.array([250, 10], dtype=np.uint8)
print(repr(u.sum()), repr(u.max()), repr(u.mean()), repr(u.cumsum()))
i = np.array([100, 100], dtype=np.int8)
print(repr(i.sum()), repr(i.prod()), repr(i.sum(dtype=np.int8)), repr(i.cumsum(dtype=np.int8)))
