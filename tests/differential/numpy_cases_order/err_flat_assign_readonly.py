import numpy as np
d = np.diag(np.eye(3))
print(d.flat[1])
d.flat = 1
