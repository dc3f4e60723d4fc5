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
A = rmat(60, 4, 4)
w, v = np.linalg.eig(A)
print(w)
print(v)
print(np.allclose(A @ v, v * w))
S = A + A.T
w, v = np.linalg.eig(S)
print(w.dtype, v.dtype)
print(w)
print(np.linalg.eigvals(A))
print(np.linalg.eigvals([[2, 0], [0, 3]]))
print(np.linalg.eig(np.array([[0., -1], [1, 0]])))
print(np.linalg.eig(np.array([[1., 2], [3, 4]])))
print(np.linalg.eig(rmat(61, 2, 3, 3))[0])
print(np.linalg.eigvals(np.array([[1, 2], [-2, 1]], dtype=np.float32)))
