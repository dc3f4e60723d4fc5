import numpy as np
print(hash(np.int64(5)) == hash(5), hash(np.float64(1.5)) == hash(1.5))
d = {np.array([1]): 1}
