import numpy as np
x = np.arange(6)
parts = np.split(x, 2)
parts[0][0] = 100
print(x, np.shares_memory(x, parts[1]))
print(np.split(x, [-2]))
