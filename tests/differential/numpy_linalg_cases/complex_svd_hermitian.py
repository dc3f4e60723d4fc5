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
H = herm(170, 4)
u, s, vh = np.linalg.svd(H, hermitian=True)
print(u.shape, s.shape, vh.shape, u.dtype, s.dtype, vh.dtype)
print(u)
print(s)
print(vh)
print(np.allclose((u * s) @ vh, H), np.allclose(s, np.linalg.svd(H, compute_uv=False)))
print(np.linalg.svd(H, compute_uv=False, hermitian=True))
S = np.stack([herm(171, 3), herm(172, 3), np.diag([1.0 + 0j, -3, 2])])
u, s, vh = np.linalg.svd(S, hermitian=True)
print(s)
print(vh)
print(np.allclose((u * s[..., None, :]) @ vh, S))
print(np.linalg.svd(S, full_matrices=False, compute_uv=False, hermitian=True))
