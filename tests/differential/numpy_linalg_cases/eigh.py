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
A = rmat(70, 5, 5); S = A @ A.T + np.eye(5)
w, v = np.linalg.eigh(S)
print(w)
print(np.abs(v))
print(np.allclose(S @ v, v * w))
print(np.linalg.eigvalsh(S))
print(np.linalg.eigh([[2, 1], [1, 2]]))
print(np.linalg.eigh(A, UPLO='U')[0])
print(np.linalg.eigh(A)[0])
print(np.linalg.eigvalsh(rmat(71, 2, 3, 3)))
print(np.linalg.eigvalsh(np.array([[2, 1], [1, 2]], dtype=np.float32)))
