import numpy as np
x = np.arange(5)
for p in np.split(x, [0, 0, 5, 7]):
    print(repr(p))
