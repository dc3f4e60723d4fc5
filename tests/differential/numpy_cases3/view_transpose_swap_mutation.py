import numpy as np
a = np.zeros((2, 3))
t = a.T
t[2, 1] = 5
s = np.swapaxes(a, 0, 1)
s[0, 0] = 1
tt = np.transpose(a)
tt[1, 0] = 3
print(a)
print(np.shares_memory(a, t), np.shares_memory(a, s), np.shares_memory(a, tt))
