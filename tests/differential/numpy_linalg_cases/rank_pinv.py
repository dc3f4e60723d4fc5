import numpy as np
np.set_printoptions(precision=6, suppress=True)
_LCG = [12345]
def rnd():
    _LCG[0] = (_LCG[0] * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
    return (_LCG[0] >> 11) / 9007199254740992.0 * 2.0 - 1.0
def rmat(seed, *shape):
    _LCG[0] = seed
    n = 1
    for d in shape:
        n *= d
    return np.array([rnd() for _ in range(n)]).reshape(shape)
A = rmat(140, 4, 3)
print(np.linalg.matrix_rank(A), np.linalg.matrix_rank(np.ones((3, 3))), np.linalg.matrix_rank(np.zeros((2, 2))))
print(np.linalg.matrix_rank([1, 2]), np.linalg.matrix_rank([0, 0]), np.linalg.matrix_rank(np.eye(4)))
print(np.linalg.matrix_rank(np.array([[1, 2], [2, 4.0000001]]), tol=1e-3))
print(np.linalg.matrix_rank(np.array([np.eye(3), np.ones((3, 3))])))
P = np.linalg.pinv(A)
print(P)
print(np.allclose(A @ P @ A, A))
print(np.linalg.pinv([[1, 2], [2, 4]]))
print(np.linalg.pinv(rmat(141, 2, 2, 3)))
print(np.linalg.pinv(np.array([[1, 2], [3, 4]], dtype=np.float32)))
