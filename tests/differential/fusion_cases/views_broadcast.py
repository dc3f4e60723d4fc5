import numpy as np
# leaves that are views, transposes or broadcasting partners (evaluated eagerly) next to
# contiguous ones (fused): the same values either way
a = np.arange(12.0).reshape(3, 4)
print(a.T * 2 + a.T)
print(a[:, ::2] * a[:, ::2] + 1)
print(a * 2 + a[0] - 1)
print(a * a + np.arange(4) * 0.5)
print(a[::-1] * 3 - a)
row = np.arange(4.0)
print(np.sqrt(row * row + a * a))
print((a[1] * 2 + row).sum(), (a.T * 2 + 1).sum())
s = a[1:3]
print(s * 2 + s, (s * s).sum())
e = np.zeros((0, 3))
print(e * 2 + 1, (e * e).sum(), np.sum(e + e))
one = np.array([7.0])
print(one * one + one, np.array([[1.5]]) * 2 - 1)
