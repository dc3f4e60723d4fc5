import numpy as np
a = (np.arange(1000, dtype=np.float32) * np.float32(0.1))
print(repr(a.sum()), repr(a.mean()), repr(a.std()))
print(repr(a.reshape(10, 100).sum(axis=1)[:3]), repr(a.sum(dtype=np.float64)))
