import numpy as np
a = np.arange(24).reshape(2, 3, 4)
print(a.sum(axis=0), a.sum(axis=1), a.sum(axis=2), a.sum(axis=(0, 2)), a.sum(axis=(1, 2), keepdims=True))
print(a.max(axis=(0, 1)), a.min(axis=-1), a.mean(axis=(0, 1)), a.prod(axis=2)[0])
f = a / 7.0
print(f.sum(axis=0), f.mean(axis=1), f.std(axis=2), f.var(axis=(0, 2)))
print(f.sum(axis=1, keepdims=True).shape, np.mean(f, axis=-1, keepdims=True).shape)
print(a.argmax(axis=1), a.argmin(axis=0), a.cumsum(axis=1)[1])
