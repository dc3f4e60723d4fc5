import numpy as np
print(np.append([1, 2, 3], [[4, 5, 6], [7, 8, 9]]))
print(np.append([[1, 2, 3], [4, 5, 6]], [[7, 8, 9]], axis=0))
print(repr(np.append([1, 2], 2.5)))
print(np.append(np.ones((2, 2)), np.zeros((2, 1)), axis=1))
