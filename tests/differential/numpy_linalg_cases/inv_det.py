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
A = rmat(50, 4, 4)
Ai = np.linalg.inv(A)
print(Ai)
print(np.allclose(A @ Ai, np.eye(4)))
print(np.linalg.det(A))
print(np.linalg.det([[1, 2], [3, 4]]), np.linalg.det(np.eye(3)))
print(np.linalg.det(np.array([[1, 2], [2, 4]])))
print(np.linalg.slogdet(A))
print(np.linalg.slogdet([[1, 2], [2, 4]]))
print(np.linalg.det(rmat(51, 3, 3, 3)))
print(np.linalg.inv(rmat(52, 2, 3, 3)))
print(np.linalg.inv(np.array([[2, 0], [0, 4]], dtype=np.float32)))
print(np.linalg.det(np.array([[2, 1], [1, 3]], dtype=np.float32)))
print(repr(np.linalg.det(np.array([[2., 1], [1, 3]]))))
print(np.linalg.inv([[1, 2], [3, 4]]))
