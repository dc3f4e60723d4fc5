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
A = rmat(5, 2, 3, 4); B = rmat(6, 4, 2)
print(A @ B)
print((A @ B).shape)
C = rmat(7, 3, 1, 4, 2)
print((A @ C).shape)
print(A @ C)
print(rmat(8, 4) @ A.transpose(0, 2, 1))
print(A @ rmat(9, 4))
print(np.matmul(rmat(10, 1, 2, 2), rmat(11, 3, 2, 2)))
