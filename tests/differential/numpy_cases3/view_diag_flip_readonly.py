import numpy as np
a = np.arange(9).reshape(3, 3)
f = np.flip(a, 0)
f[0, 0] = -5
print(a)
lr = np.fliplr(a)
ud = np.flipud(a)
print(np.shares_memory(a, lr), np.shares_memory(a, ud))
print(np.shares_memory(a, np.diag(a)), np.diag(a).flags.writeable)
