import numpy as np
a = np.arange(1.0, 7.0).reshape(2, 3)
c = np.arange(1.0, 25.0).reshape(2, 3, 4)
exprs = [np.sin(a.T), -a.T, +a.T, abs(-a.T), np.sqrt(a.T), np.exp(c.transpose(2, 0, 1)), np.negative(c.T),
         np.floor(a[:, ::2].T), ~(a.T > 2), np.isnan(a.T), np.square(c.T), np.absolute(a.T.astype(int))]
for e in exprs:
    print(e.shape, e.strides, e.flags.c_contiguous, e.flags.f_contiguous)
print(np.sqrt(a.T).tolist())
