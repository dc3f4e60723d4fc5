import numpy as np
a = np.arange(5)
print(a[[0, 4]])
print(a[[1, 7]])
