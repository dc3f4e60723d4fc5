import numpy as np
a = np.zeros((1, 3, 1))
s = np.squeeze(a)
e = np.expand_dims(s, 0)
s[1] = 4
e[0, 2] = 9
print(a.ravel(), s.shape, e.shape)
print(np.shares_memory(a, s), np.shares_memory(a, e), np.shares_memory(a, a[np.newaxis]))
print(a.squeeze().shape, np.squeeze(np.zeros((1, 1))).shape)
