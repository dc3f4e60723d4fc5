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
A = rmat(12, 2, 3, 4); B = rmat(13, 3, 4, 2)
print(np.dot(A, B).shape)
print(np.dot(A, B))
print(np.dot(A, rmat(14, 4)))
print(np.dot(rmat(15, 4), rmat(16, 2, 4, 3)))
print(np.dot(3, A[0]))
print(np.dot(rmat(17, 5), rmat(18, 5)))
print(np.dot([[1, 2], [3, 4]], [5, 6]))
print(np.dot(np.arange(24).reshape(2, 3, 4), np.arange(8).reshape(4, 2)))
print(A[0].dot(rmat(19, 4, 2)))
