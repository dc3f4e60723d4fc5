import numpy as np
a = np.arange(6.0).reshape(2, 3)
for src in [[1, 2, 3], a, a.T, np.float64(2.0)]:
    for order in ['C', 'F', 'K']:
        x = np.array(src, ndmin=3, order=order)
        print(x.shape, x.strides, x.flags.c_contiguous, x.flags.f_contiguous)
