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
A = rmat(145, 5, 3); b = cmat(146, 5)
x, res, rank, s = np.linalg.lstsq(A, b, rcond=None)
print(x, res, rank, s)
print(np.allclose(A.T @ (A @ x - b), 0))
C = cmat(147, 5, 3); d = rmat(148, 5)
x, res, rank, s = np.linalg.lstsq(C, d, rcond=None)
print(x, res, rank, s)
print(np.allclose(ctrans(C) @ (C @ x - d), 0))
D = np.array([[1 + 1j, 2 + 2j], [2 + 2j, 4 + 4j], [1j, 2j]])
print(np.linalg.lstsq(D, np.array([1, 2j, 3]), rcond=None))
print(np.linalg.lstsq(C, cmat(149, 5, 2), rcond=0.5)[2])
print(np.linalg.lstsq(C, np.zeros((5, 0), complex), rcond=None))
