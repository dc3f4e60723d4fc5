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
A = cmat(120, 4, 3)
u, s, vh = np.linalg.svd(A)
print(u.shape, s.shape, vh.shape, u.dtype, s.dtype, vh.dtype)
print(u)
print(s)
print(vh)
print(np.allclose((u[:, :3] * s) @ vh, A))
u2, s2, vh2 = np.linalg.svd(A, full_matrices=False)
print(u2.shape, vh2.shape, np.allclose((u2 * s2) @ vh2, A))
print(np.linalg.svd(A, compute_uv=False))
W = cmat(121, 2, 5)
print(np.linalg.svd(W, compute_uv=False))
uw, sw, vw = np.linalg.svd(W)
print(uw.shape, vw.shape, np.allclose((uw * sw) @ vw[:2], W))
print(np.allclose(ctrans(vw) @ vw, np.eye(5)))
S = cmat(122, 2, 3, 3)
print(np.linalg.svd(S, compute_uv=False))
print(np.linalg.svd(np.array([[1j, 0], [0, -2]])))
