import numpy as np
x = np.arange(3).reshape(1, 3, 1)
s = np.squeeze(x, axis=-1)
s[0, 1] = 99
print(x.ravel().tolist(), s.flags.owndata, s.strides)
print(np.squeeze(np.float64(4.0), axis=()), np.array(7).squeeze(axis=()).shape)
f = np.asfortranarray(np.ones((1, 3, 1)))
print(f.squeeze(axis=(0, 2)).strides, f.squeeze(axis=0).flags.f_contiguous, f.squeeze().flags.c_contiguous)
