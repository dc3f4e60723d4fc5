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
H = herm(110, 4)
w, v = np.linalg.eigh(H)
print(w)
print(v)
print(w.dtype, v.dtype, np.allclose(H @ v, v * w))
print(np.allclose(ctrans(v) @ v, np.eye(4)))
wu, vu = np.linalg.eigh(H, UPLO='U')
print(wu)
print(vu)
print(np.linalg.eigvalsh(H))
print(np.linalg.eigvalsh(H, UPLO='U'))
print(np.linalg.eigvalsh(np.array([[2, 1j], [-1j, 2]])))
Hs = np.stack([herm(111, 3), herm(112, 3)])
ws, vs = np.linalg.eigh(Hs)
print(ws)
print(np.allclose(Hs @ vs, vs * ws[..., None, :]))
print(np.linalg.eigvalsh(Hs).dtype)
