import numpy as np
a = np.arange(24).reshape(2, 3, 4)
for s in [a, a.T, a.transpose(2, 0, 1), a[:, ::-1], a[::-1, :, ::2].T, np.asfortranarray(a)[:, 1:]]:
    for order in ['C', 'F', 'A', 'K']:
        r = s.flatten(order)
        print(order, r.tolist(), r.flags.owndata)
m = np.arange(6).reshape(2, 3)
print(m.flatten('f'), m.T.flatten('k'), m.flatten(order='A'))
