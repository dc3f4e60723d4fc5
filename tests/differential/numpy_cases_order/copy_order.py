import numpy as np
a = np.arange(24).reshape(2, 3, 4)
for s in [a, a.T, a.transpose(1, 2, 0), a[:, 1:, ::2], a[::-1, :, ::-1]]:
    for order in ['C', 'F', 'A', 'K']:
        c = s.copy(order=order)
        d = np.copy(s, order=order)
        print(order, c.strides, d.strides, c.flags.owndata, np.array_equal(c, s), np.array_equal(d, s))
    print(s.copy().strides, np.copy(s).strides)
