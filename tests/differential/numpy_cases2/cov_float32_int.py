import numpy as np
print(repr(np.cov(np.array([[1, 2, 3], [2, 2, 5]], dtype=np.float32))))
print(repr(np.cov(np.array([[1, 2, 3], [2, 2, 5]]), dtype=np.float32)))
