import numpy as np
a = np.array([12, 10, 7], dtype=np.uint8)
b = np.array([10, 6, 1], dtype=np.uint8)
print(np.bitwise_and(a, b), np.bitwise_or(a, b), np.bitwise_xor(a, b))
print(np.invert(a), np.bitwise_not(np.array([0, -1, 5])))
print(np.left_shift(a, 2), np.right_shift(a, 1))
print(np.left_shift(np.array([1], dtype=np.int8), 7), np.right_shift(np.array([-16]), 2))
print(np.invert(np.array([True, False])))
