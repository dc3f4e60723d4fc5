import numpy as np
a = np.arange(12).reshape(3, 4)
for s in [a, a.T, a[:, ::2], np.arange(24).reshape(2, 3, 4).transpose(1, 2, 0)]:
    print(s.astype(np.float64).strides, s.astype(np.float32, order='C').strides,
          s.astype(np.int8, order='F').strides, s.astype(np.int16, order='A').strides,
          s.astype(float, order='K').strides)
print(a.T.astype(float).flags.f_contiguous, a.T.astype(float).tolist())
