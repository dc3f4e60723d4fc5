import numpy as np
x = np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
for b in [1, 2, 3, 7]:
    print(np.histogram(x, bins=b))
