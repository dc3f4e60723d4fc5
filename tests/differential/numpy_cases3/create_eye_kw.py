import numpy as np
print(np.eye(3, k=1))
print(np.eye(2, 4, k=-1))
print(np.eye(3, 2, dtype=np.int8))
print(np.eye(4, k=5))
print(np.eye(N=2, M=3, k=2, dtype=bool))
print(np.identity(3, dtype=np.uint8), np.identity(1))
