import numpy as np
f = np.asfortranarray(np.arange(12).reshape(3, 4))
print(f)
print(repr(f), f.tolist())
print(f[1], f[:, 2], f[1:, ::2], f[f > 5], f[[0, 2]])
print(f[1].strides, f[:, 2].strides, f[1].flags.c_contiguous, f[:, 2].flags.c_contiguous)
f[0] = -1
f[:, 3] = [7, 8, 9]
print(f.tolist(), f.T.flags.c_contiguous)
for row in f:
    print(row, end=' ')
print()
print(f.sum(axis=0), f.cumsum(axis=1)[2], f.argmax(axis=0), f.max(axis=1))
