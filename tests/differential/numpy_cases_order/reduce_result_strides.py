import numpy as np
c = np.ones((2, 3, 4))
for s in [c, c.transpose(1, 0, 2), c.transpose(2, 1, 0), c.transpose(0, 2, 1), np.asfortranarray(c)]:
    for ax in [0, 1, 2, (0, 1), (1, 2)]:
        r = s.sum(axis=ax)
        k = s.sum(axis=ax, keepdims=True)
        print(ax, r.shape, r.strides, k.shape, k.strides, k.flags.owndata)
    print(s.max(axis=0).strides, s.min(axis=2, keepdims=True).strides, s.prod(axis=1).strides)
print(np.ones((2, 3)).sum(axis=0, keepdims=True).flags.owndata)
