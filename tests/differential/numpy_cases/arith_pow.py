import numpy as np
a = np.array([1, 2, 3])
print(a ** 2, a ** 0, 2 ** a, a ** a)
print(np.array([2.0, 4.0]) ** 0.5, np.array([2.0, 4.0]) ** -1)
print(np.array([-8.0]) ** (1/3))
print(np.array([2], dtype=np.int8) ** 7, np.array([3], dtype=np.uint8) ** 5)
print(np.power(a, 3), np.power(2.0, a))
