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
A = rmat(100, 4, 4); S = A @ A.T + 4 * np.eye(4)
L = np.linalg.cholesky(S)
print(L)
print(np.allclose(L @ L.T, S))
print(np.linalg.cholesky([[4, 2], [2, 3]]))
print(np.linalg.cholesky(np.array([[4, 2], [2, 3]], dtype=np.float32)))
print(np.linalg.cholesky(np.array([np.eye(2) * 4, [[9, 3], [3, 5]]])))
