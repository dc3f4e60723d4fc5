import numpy as np
lst = [[1, 2, 3], [4, 5, 6]]
for order in ['C', 'F', 'A', 'K']:
    x = np.array(lst, order=order)
    print(order, x.strides, x.flags.f_contiguous, x.tolist())
a = np.arange(6.0).reshape(2, 3)
for src in [a, a.T, a[:, ::2], np.arange(24).reshape(2, 3, 4).transpose(2, 0, 1)]:
    for order in ['C', 'F', 'A', 'K']:
        y = np.array(src, order=order)
        print(order, y.strides, y.flags.owndata, np.array_equal(y, src))
print(np.array(a, copy=False, order='C') is a, np.array(a, copy=False, order='F') is a)
print(np.array(a.T, copy=False, order='F') is None, np.array(a.T, copy=False, order='K').strides)
print(np.array(lst, dtype=float, order='F').strides, np.array(a.T, dtype=np.float32).strides)
