import numpy as np
a = np.arange(6.0).reshape(2, 3)
f = np.asfortranarray(a)
for arrs in [(a, a), (f, f), (a, f), (f, a), (a.T, a.T), (f[:, :1], f)]:
    r = np.concatenate(arrs, axis=1)
    print(r.strides, r.flags.f_contiguous, r.tolist())
print(np.concatenate((f, f), axis=0).strides, np.vstack((f, f)).strides, np.hstack((f, f)).strides)
print(np.concatenate((f, f), axis=None).tolist(), np.stack((f, f)).strides)
print(np.concatenate((np.zeros((2, 0)), np.zeros((2, 0)))).strides)
