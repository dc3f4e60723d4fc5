import numpy as np
print(np.linspace(0, 1, 5))
print(np.linspace(0, 1, 5, endpoint=False))
r, step = np.linspace(2, 3, 4, retstep=True)
print(r, step)
print(np.linspace(0, 10, num=3, dtype=np.int64))
print(np.linspace(1, 0, 3), np.linspace(5, 5, 1), np.linspace(0, 1, 0))
print(np.linspace(-1, 1, 4, dtype=np.float32))
