import numpy as np
a = np.arange(24.0).reshape(4, 6)
f = np.asfortranarray(a)
for v in [a, a.T, f, f.T, f[:, 1], f[1], f[:, 1:3], f[1:3], a[:, ::2], f[::-1], a.T.T, f[:, :, None]]:
    print(v.shape, v.strides, v.flags.c_contiguous, v.flags.f_contiguous, v.flags.owndata)
print(f.flags)
