import numpy as np
a = np.array(5)
print(a)
len(a)
