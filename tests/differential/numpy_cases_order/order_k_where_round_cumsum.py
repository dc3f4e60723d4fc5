import numpy as np
a = np.arange(6.0).reshape(2, 3)
t = a.T
c = np.arange(24.0).reshape(2, 3, 4).transpose(2, 0, 1)
for r in [np.where(t > 2, t, 0), np.where(c > 5, c, -c), np.round(t), np.around(t * 1.25, 1), t.round(),
          np.clip(t, 1, 3), t.clip(0, 2), np.isclose(t, t), np.isclose(t, [1.0, 2.0]),
          np.cumsum(t, axis=0), t.cumsum(axis=1), np.cumprod(c + 1, axis=2), np.round(t.astype(int))]:
    print(r.shape, r.strides, r.tolist() if r.ndim < 3 else r.sum())
print(np.cumsum(t).strides, np.isclose(t, np.nan).strides, np.allclose(t, t.copy()))
