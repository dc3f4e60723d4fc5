import numpy as np
e = np.zeros((0, 3))
print(e.sum(axis=0), e.sum(axis=1), e.prod(axis=0), e.any(axis=0), e.all(axis=1))
print(np.zeros((2, 0)).max(axis=0), np.ones((3, 0)).sum(axis=1))
print(e.cumsum(), e.mean(axis=1))
