import numpy as np
t = np.array([True, False])
print(~t)
print(-t)
