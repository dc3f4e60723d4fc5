import numpy as np
print(np.power(np.array([2, 3, 4]), 3))
print(np.power(2.0, np.array([-1, 0, 1, 0.5])))
print(np.power(np.array([2, 3], dtype=np.uint8), 8))
print(np.power(np.array([-8.0, 4.0]), 1 / 3))
print(np.square(np.array([1, -2, 3], dtype=np.int8)), np.square(np.array([True, False])))
print(np.array([2, 3]) ** np.array([10, 40]))
