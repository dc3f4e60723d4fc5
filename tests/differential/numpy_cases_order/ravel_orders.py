import numpy as np
a = np.arange(24).reshape(2, 3, 4)
for s in [a, a.T, a.transpose(1, 0, 2), a[:, ::2], a[::-1], a[:, :, ::-1].T, np.asfortranarray(a)]:
    for order in ['C', 'F', 'A', 'K']:
        r = s.ravel(order)
        print(order, r.tolist(), np.shares_memory(r, a), r.strides)
    print(np.ravel(s, order='K').tolist(), np.ravel(s).tolist())
x = np.arange(6)[::2]
print(x.ravel('K').strides, np.shares_memory(x.ravel('K'), x))
print(np.float64(2.0).ravel(), np.ravel(5, order='F'))
