import numpy as np
x = np.random.RandomState(7).rand(300, 40)
y = x.T * 1.0
print(repr(y.sum(axis=0)[:4]), repr(y.sum(axis=1)[:4]), repr(y.sum()))
f = np.asfortranarray(x)
print(repr(f.sum(axis=0)[:3]), repr(f.sum(axis=1)[:3]), repr(f.sum()))
print(repr((x.T + 0.0).mean(axis=1)[:3]), repr((x.T + 0.0).std()), repr((x.T * 2).var(axis=0)[:2]))
z = np.random.RandomState(3).rand(6, 50, 30).transpose(2, 0, 1) * 1.5
print(repr(z.sum(axis=(1, 2))[:3]), repr(z.sum(axis=0)[0, :3]), repr(z.sum()))
print(repr(np.add(x.T, 0.5).sum(axis=0)[:3]), repr(np.cumsum(x.T * 1.0, axis=1)[0, -1]))
