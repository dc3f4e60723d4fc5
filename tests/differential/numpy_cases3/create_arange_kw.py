import numpy as np
print(np.arange(5, dtype=np.float32))
print(np.arange(1, 2, 0.25))
print(np.arange(10, 0, -3))
print(np.arange(start=2, stop=8, step=2))
print(np.arange(0, 1, 0.1).size, np.arange(3, 3), np.arange(-2.5))
print(np.arange(3, dtype='uint8'), np.arange(True, 3).dtype)
print(np.arange(0, 5, 1.5), np.arange(2.0, 3))
