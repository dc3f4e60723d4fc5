import numpy as np
print(repr(np.cov([1, 2, 4, 7])))
x = np.array([[0, 2], [1, 1], [2, 0]]).T
print(np.cov(x))
print(np.cov(x, bias=True))
print(np.cov(x, ddof=0))
