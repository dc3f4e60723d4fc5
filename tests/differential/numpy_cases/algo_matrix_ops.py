import numpy as np
A = np.array([[2.0, 1.0], [1.0, 3.0]])
x = np.array([1.0, 2.0])
b = A @ x
print(b, A.T @ A, A @ A @ A, np.dot(A, np.eye(2)))
r = b - A @ x
print(r, np.allclose(r, 0))
M = np.arange(9.0).reshape(3, 3)
print(M * M.T, (M @ M.T).sum())
print((M[:, None, :] * M[None, :, :]).sum(axis=2))
