import numpy as np
r = np.random.RandomState(11)
i = r.randint(0, 1000, size=(400, 30))
print(repr(i.T.mean(axis=0)[:3]), repr(i.T.mean()), repr(i.T.std(axis=1)[:2]))
f32 = r.rand(500, 20).astype(np.float32)
print(repr(f32.T.sum(axis=1)[:3]), repr((f32.T * np.float32(1)).sum()), repr(f32.T.mean(axis=0)[:2]))
b = r.rand(100, 300) > 0.5
print(b.T.sum(axis=0)[:5], b.T.sum())
