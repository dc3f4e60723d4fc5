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
A = rmat(80, 4, 3)
u, s, vh = np.linalg.svd(A)
print(u.shape, s.shape, vh.shape)
print(s)
print(np.abs(u))
print(np.abs(vh))
print(np.allclose(u[:, :3] * s @ vh, A))
u, s, vh = np.linalg.svd(A, full_matrices=False)
print(u.shape, s.shape, vh.shape)
print(np.allclose(u * s @ vh, A))
print(np.linalg.svd(A.T, compute_uv=False))
print(np.linalg.svd(rmat(81, 2, 3, 5), compute_uv=False))
print(np.linalg.svd([[1, 2], [3, 4]]))
print(np.linalg.svd(np.array([[1, 2], [3, 4]], dtype=np.float32))[1])
