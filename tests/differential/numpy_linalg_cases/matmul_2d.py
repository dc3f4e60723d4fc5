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
A = rmat(1, 4, 3); B = rmat(2, 3, 5); v = rmat(3, 3)
print(A @ B)
print(A @ v)
print(rmat(4, 4) @ A)
print(v @ v)
print(np.matmul(A, B).shape, (A @ B).dtype)
print(np.allclose(A @ B, np.array([[sum(A[i, k] * B[k, j] for k in range(3)) for j in range(5)] for i in range(4)])))
print(A @ A.T)
print(A.T @ A)
print(A[::2] @ B[:, ::2])
