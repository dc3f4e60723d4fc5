import numpy as np
a = np.arange(6.0).reshape(2, 3)
c = np.arange(24.0).reshape(2, 3, 4)
exprs = [a.T + 1, 1 + a.T, a.T * a.T, a.T - a.T.copy(), a.T + np.ones((3, 2)), np.ones((3, 2)) * a.T,
         a.T + np.arange(2.0), a.T + np.arange(3.0)[:, None], a[::-1] + 1, a[:, ::-1].T + 1,
         c.transpose(1, 0, 2) + 1, c.transpose(2, 0, 1) * 2, c.T + c.T, c.T < 5, c.T // 2,
         np.add(a.T, 2), np.maximum(a.T, 2.0), a.T ** 2, a.T ** 0.5, a.T == a.T, a.T.astype(int) & 3,
         np.ones((3, 1)).T + 1, np.ones((3, 1)).T + np.ones((4, 1, 3)), a.T[:, :1] + 1]
for e in exprs:
    print(e.shape, e.strides, e.flags.c_contiguous, e.flags.f_contiguous)
print((a.T + 1).tolist(), (c.T + c.T)[1, 2].tolist())
