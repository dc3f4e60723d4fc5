import numpy as np
a = np.arange(6).reshape(2, 3)
for ax in [0, -1, (0, 1), (0, 3), (-1, 0), [1, 2], (0, 2, 4), (), (-1, -2)]:
    e = np.expand_dims(a, ax)
    print(ax, e.shape, np.shares_memory(e, a))
print(np.expand_dims(5, (0, 1)).shape, np.expand_dims([1, 2], axis=(0, 2)).tolist())
print(np.expand_dims(a.T, (0, 3)).strides[1:3], np.expand_dims(np.asfortranarray(a), 1).flags.f_contiguous)
