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
def cmat(seed, *shape):
    return rmat(seed, *shape) + 1j * rmat(seed + 1000, *shape)
def herm(seed, n):
    # Hermitian: symmetric real part, antisymmetric imaginary part
    s, k = rmat(seed, n, n), rmat(seed + 1, n, n)
    return (s + s.T) + 1j * (k - k.T)
def ctrans(a):
    # the conjugate transpose, spelled without .conj()
    return np.swapaxes(a.real - 1j * a.imag, -1, -2)
A = cmat(140, 3, 4); B = cmat(141, 4, 2); v = cmat(142, 4)
print(A @ B)
print(np.matmul(A, B).dtype)
print(A @ v)
print(v @ B)
print(repr(v @ v))
print(np.dot(A, B))
print(np.dot(A, v))
print(np.dot(v, v))
print(A @ B.real)
print(A.real @ B)
print(np.dot(A, np.arange(4)))
S = cmat(143, 2, 3, 3)
print(S @ S)
print(S @ cmat(144, 3))
print(np.matmul(S, S[0]).shape)
print(A @ np.swapaxes(A, 0, 1))
print(A[:, ::2] @ B[::2])
print(np.dot(A.T, A))
