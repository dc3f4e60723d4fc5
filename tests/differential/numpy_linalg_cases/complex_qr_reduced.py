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
A = cmat(130, 5, 3)
q, r = np.linalg.qr(A)
print(q.shape, r.shape, q.dtype, r.dtype)
print(q)
print(r)
print(np.allclose(q @ r, A), np.allclose(ctrans(q) @ q, np.eye(3)))
W = cmat(131, 3, 5)
q, r = np.linalg.qr(W)
print(q.shape, r.shape)
print(q)
print(r)
print(np.allclose(q @ r, W), np.allclose(np.tril(r, -1), 0))
print(np.linalg.qr(np.array([[1j, 2], [3, 4 - 1j]])))
