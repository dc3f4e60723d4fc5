import numpy as np
for s in [[1, 2, 1], [1, 2, 3], [4, 5, 5, 4]]:
    a = np.array(s)
    print(s, np.array_equal(a, np.flip(a)))
