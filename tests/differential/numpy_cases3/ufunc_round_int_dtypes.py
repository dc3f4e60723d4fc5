import numpy as np
print(np.round(np.array([15, 25, 35], dtype=np.int8), -1))
print(np.round(np.array([1, 2], dtype=np.int64)).dtype)
print(np.floor(np.array([1, 2], dtype=np.int32)).dtype)
print(np.around(np.float32(2.675), 2))
print(np.array([3.14159, 2.71828]).round(3))
