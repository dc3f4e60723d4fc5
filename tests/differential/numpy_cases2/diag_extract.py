import numpy as np
a = np.arange(12).reshape(3, 4)
for k in range(-3, 5):
    print(k, repr(np.diag(a, k)))
