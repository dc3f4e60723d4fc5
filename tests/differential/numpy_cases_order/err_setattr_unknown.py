import numpy as np
a = np.zeros(3)
a.flat = [1, 2]
print(a)
a.foo = 1
