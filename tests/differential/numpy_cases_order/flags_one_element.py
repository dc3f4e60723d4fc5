import numpy as np
a = np.arange(24.0).reshape(2, 3, 4)
for v in [a[:1, :1, :1], a[1:, 2:, 3:], a[:1, :1], a[0, :1], a[::2, ::3, ::4], a.T[:1, :1, :1],
          np.ones((1, 1)), np.ones((1, 1, 1), order='F'), a[:1, 1:2].T, np.float64(3.0).reshape(1, 1)]:
    print(v.shape, v.strides, v.flags.c_contiguous, v.flags.f_contiguous)
b = np.arange(5)[2:3]
print(b.flags.c_contiguous, b.flags.f_contiguous, b.reshape(1, 1).flags.f_contiguous)
c = np.arange(12).reshape(3, 4)[:, 1:2]
print(c.shape, c.flags.c_contiguous, c.flags.f_contiguous)
