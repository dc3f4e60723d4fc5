import numpy as np
a = np.arange(6).reshape(2, 3)
b = np.arange(6).reshape(3, 2)
print(a @ b, np.dot(a, b), np.matmul(a, b))
print(np.dot(np.arange(3), np.arange(3)), a @ np.arange(3), np.arange(2) @ a)
print((a.astype(np.int8) @ b.astype(np.int8)).dtype, (a @ b.astype(float)).dtype)
