import numpy as np
x = np.arange(10) ** 2
win = np.array([np.roll(x, -k) for k in range(3)])[:, :-2]
print(win.mean(axis=0))
print(x[1:] - x[:-1])
