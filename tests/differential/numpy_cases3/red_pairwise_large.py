import numpy as np
i = np.arange(100000)
x = ((i * 2654435761) % 4294967296) / 4294967296.0 * 1000.0
print(repr(x.sum()), repr(x[::-1].sum()), repr(x[::3].sum()), repr(x.mean()))
m = x.reshape(250, 400)
print(repr(m.sum()), repr(m[:, ::2].sum()), repr(m[::-1].sum()), repr(m.sum(axis=1)[:3]))
print(repr(m[:, :300].sum()), repr(x.reshape(4, 25000).sum(axis=1)))
