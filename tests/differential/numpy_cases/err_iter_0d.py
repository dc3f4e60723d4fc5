import numpy as np
a = np.array(5)
print(a.ndim)
for x in a:
    print(x)
