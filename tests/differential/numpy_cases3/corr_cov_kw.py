import numpy as np
x = np.array([[1.0, 2.0, 3.0, 4.0], [2.0, 4.1, 5.9, 8.2]])
print(np.cov(x), np.cov(x, ddof=0), np.cov(x[0], x[1]))
print(np.corrcoef(x), np.corrcoef(x[0], x[1]))
print(np.cov(x.T, rowvar=False))
