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
A = cmat(160, 3, 3)
for p in [None, 2, -2, 'fro', 'nuc', 1, -1, np.inf, -np.inf]:
    print(p, repr(np.linalg.cond(A, p)))
print(repr(np.linalg.cond(cmat(161, 4, 2))))
S = cmat(162, 2, 3, 3)
print(np.linalg.cond(S), np.linalg.cond(S, 'fro'), np.linalg.cond(S, 1))
Z = np.array([[1 + 1j, 2 + 2j], [2 + 2j, 4 + 4j]])
print(np.linalg.cond(Z, 'fro'), np.linalg.cond(Z, 1))
print(np.allclose(np.linalg.cond(A), np.linalg.norm(A, 2) * np.linalg.norm(np.linalg.inv(A), 2)))
