import numpy as np
a = np.arange(24.0).reshape(2, 3, 4)
srcs = [a, np.asfortranarray(a), a.transpose(1, 0, 2), a.transpose(2, 0, 1), a[:, ::2, 1:], a[::-1]]
for s in srcs:
    for order in ['K', 'C', 'F', 'A']:
        print(order, np.zeros_like(s, order=order).strides, np.ones_like(s, order=order).strides,
              np.empty_like(s, order=order).strides, np.full_like(s, 3, order=order).strides)
    print(np.zeros_like(s).strides, np.ones_like(s, dtype=np.int32).strides, np.full_like(s, 7).sum())
print(np.zeros_like([[1, 2], [3, 4]], order='F').strides)
