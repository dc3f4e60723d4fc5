import numpy as np
print(np.tril([1, 2, 3]))
print(np.triu(np.arange(8).reshape(2, 2, 2)))
print(np.tril(np.ones((2, 3, 3), dtype=np.float32), 1))
