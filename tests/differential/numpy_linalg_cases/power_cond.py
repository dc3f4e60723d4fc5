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
A = rmat(150, 3, 3)
for n in [0, 1, 2, 3, 4, 5, 7, -1, -3]:
    print(n, np.linalg.matrix_power(A, n))
M = np.array([[1, 1], [1, 0]])
print(np.linalg.matrix_power(M, 10), np.linalg.matrix_power(M, 10).dtype, np.linalg.matrix_power(M, 0))
print(np.linalg.matrix_power(M, 1) is M)
print(np.linalg.cond(A))
for p in [None, 1, -1, 2, -2, np.inf, -np.inf, 'fro', 'nuc']:
    print(p, np.linalg.cond(A, p))
print(np.linalg.cond([[1, 2], [2, 4]]), np.linalg.cond([[1, 2], [2, 4]], 1))
print(np.linalg.cond(rmat(151, 2, 3, 3)))
print(np.linalg.cond(np.array([[1, 2], [3, 4]], dtype=np.float32)))
