import numpy as np
# .sum() and .mean() of fused expressions: NumPy's pairwise sums over 8192-element chunks
for n in [1, 7, 8, 9, 127, 128, 129, 8191, 8192, 8193, 16385, 300001]:
    i = np.arange(n)
    x = ((i * 2654435761) % 4294967296) / 4294967296.0 - 0.5
    y = np.cos(i * 0.001)
    print(n, repr((x * y).sum()), repr((x * x + y).mean()), repr(np.sum(x - y * 3.3)),
          repr(np.mean(x * 1e10 + y)))
k = np.arange(300001, dtype=np.int32)
print(repr((k * k).sum()), repr((k > 1000).sum()), repr((k * 3 - 7).sum()))
u = np.arange(100000, dtype=np.uint8)
print(repr((u * u).sum()), repr((u + 1).sum()), (u + 1).sum().dtype)
b = np.arange(50000) % 3 == 0
print(repr((b & (np.arange(50000) > 10)).sum()), repr((b | b).sum()))
f = np.arange(30000, dtype=np.float32)
print(repr((f * 2).sum()), repr((f * f).mean()))
print(repr((np.arange(5.0) * 2).sum()), repr((np.arange(20000) * 0.1 + 1).mean()))
