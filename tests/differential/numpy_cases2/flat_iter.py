import numpy as np
a = np.arange(6).reshape(2, 3)
print(list(a.flat))
print(a.flat[4], a.T.flat[1], a.flat[-1])
print(a.flat[1:4], a.flat[[0, 5]])
for v in a[:, 1].flat:
    print(v)
print(len(a.flat))
