import numpy as np
a = np.ones(3)
print(a @ a)
a @ 2
