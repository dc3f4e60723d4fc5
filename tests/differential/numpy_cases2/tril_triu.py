import numpy as np
a = np.arange(1, 13).reshape(3, 4)
print(np.tril(a))
print(np.tril(a, -1))
print(np.triu(a))
print(np.triu(a, 2))
print(np.triu(a, -1))
