import numpy as np
print(np.tri(3))
print(np.tri(3, 4, k=1, dtype=np.int64))
print(np.tri(2, 3, -1))
print(np.tril(np.ones((3, 3)), k=-1), np.triu(np.arange(9).reshape(3, 3), k=1))
