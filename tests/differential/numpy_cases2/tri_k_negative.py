import numpy as np
print(np.tri(4, k=-2))
print(np.tri(2, 3, k=5, dtype=np.uint8))
print(np.triu(np.ones((3, 3)), -5))
print(np.tril(np.ones((3, 3)), -5))
