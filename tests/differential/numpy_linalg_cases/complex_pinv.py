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
A = cmat(150, 4, 3)
P = np.linalg.pinv(A)
print(P.shape, P.dtype)
print(P)
print(np.allclose(A @ P @ A, A), np.allclose(P @ A @ P, P))
print(np.allclose(ctrans(A @ P), A @ P), np.allclose(ctrans(P @ A), P @ A))
print(np.allclose(P @ A, np.eye(3)))
W = cmat(151, 2, 5)
print(np.linalg.pinv(W))
S = cmat(152, 3, 3, 2)
PS = np.linalg.pinv(S)
print(PS.shape, np.allclose(S @ PS @ S, S))
print(PS)
D = np.array([[1 + 1j, 2 + 2j], [2 + 2j, 4 + 4j]])
print(np.linalg.pinv(D))
print(np.linalg.pinv(A, rcond=0.5))
