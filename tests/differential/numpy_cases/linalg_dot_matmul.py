import numpy as np
a = np.array([[1.0, 2.0], [3.0, 4.0]])
b = np.array([[5.0, 6.0], [7.0, 8.0]])
v = np.array([1.0, -1.0])
print(a @ b, np.dot(a, b), a.dot(b), np.matmul(a, v), v @ a, v @ v, np.dot(v, v))
i = np.array([[1, 2], [3, 4]])
print(i @ i, np.dot(i, [1, 1]), np.dot(3, 4), np.dot(2.0, i))
m = np.arange(12.0).reshape(3, 4)
print(m @ m.T, m.T @ m)
print(np.ones((2, 3)) @ np.ones((3, 1)), np.arange(3) @ np.arange(3))
x = np.arange(6).reshape(2, 3) / 7
print(x @ x.T)
