import numpy as np
a = np.zeros((3, 4), dtype=int)
a.flat[5] = 7
a.flat[-1] = 9
a.flat[1:4] = [1, 2, 3]
a.flat[[0, 10]] = 5
print(a.tolist())
f = np.zeros((2, 3), order='F')
f.flat[1] = 1.5
f.flat[4:] = -1
print(f.tolist())
t = np.arange(6).reshape(2, 3)
t.T.flat[1] = 100
t.T.flat[5] = -5
print(t.tolist())
m = np.arange(6)
m.flat[m > 3] = 0
print(m.tolist(), a.flat[5], f.flat[1], t.T.flat[1])
