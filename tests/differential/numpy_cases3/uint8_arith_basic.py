import numpy as np
a = np.array([10, 200, 250, 0], dtype=np.uint8)
b = np.array([20, 100, 10, 1], dtype=np.uint8)
print(a + b, a - b, a * b)
print(a // b, a % b, a / b)
print(a > b, a == 10, (a + b).dtype)
print(np.maximum(a, b), np.minimum(a, b), a & b, a | b, a ^ b)
