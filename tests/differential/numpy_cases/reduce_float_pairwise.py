import numpy as np
x = np.arange(1000) * 0.1
print(x.sum(), x.mean(), np.sum(x[::3]), x.reshape(10, 100).sum(axis=0)[:5], x.reshape(10, 100).sum(axis=1)[:3])
y = np.linspace(0, 1, 1001) ** 2
print(y.sum(), y.reshape(7, 143).sum(axis=1), y.reshape(7, 143).T.sum())
z = np.array([0.1] * 10)
print(z.sum(), sum([0.1] * 10), z.cumsum()[-1])
w = np.arange(10000) / 7
print(w.sum(), w[::-1].sum(), w.reshape(100, 100).T.sum(axis=0)[:3], w.std(), w.var())
print(np.sqrt(np.arange(5000.0)).sum())
