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
A = cmat(130, 3, 4)
v = cmat(131, 5)
print(repr(np.linalg.norm(v)), repr(np.linalg.norm(A)))
for o in [None, 1, -1, 2, -2, np.inf, -np.inf, 0, 3, 0.5]:
    print(o, repr(np.linalg.norm(v, o)))
for o in [None, 'fro', 'nuc', 1, -1, 2, -2, np.inf, -np.inf]:
    print(o, repr(np.linalg.norm(A, o)))
print(np.linalg.norm(A, axis=0))
print(np.linalg.norm(A, axis=1, keepdims=True))
print(np.linalg.norm(A, ord=1, axis=1))
print(np.linalg.norm(cmat(132, 2, 3, 3), axis=(1, 2)))
print(np.linalg.norm(cmat(132, 2, 3, 3), ord=2, axis=(1, 2)))
print(np.linalg.norm(cmat(132, 2, 3, 3), ord='nuc', axis=(2, 1), keepdims=True))
print(repr(np.linalg.norm([3 + 4j, 0])))
