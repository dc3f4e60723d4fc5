import numpy as np
i = np.arange(100003)
a = (i * 2654435761) % 1000003
print(a.sum(), a[::-1].sum(), a[::7].sum(), a.reshape(-1, 1)[:, 0].sum())
print(a.astype(np.int32).sum(), a.astype(np.uint16).sum(), a.astype(np.int8).sum(dtype=np.int8))
b = a[:100000].reshape(100, 1000)
print(b.sum(axis=0)[:4], b.sum(axis=1)[:4], b.T.sum(axis=1)[:3], b[:, ::-3].sum())
