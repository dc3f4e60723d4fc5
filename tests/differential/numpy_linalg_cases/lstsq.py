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
A = rmat(110, 6, 3); b = rmat(111, 6)
x, res, rank, s = np.linalg.lstsq(A, b, rcond=None)
print(x)
print(res, rank, s)
print(np.allclose(A.T @ (A @ x - b), 0))
B = rmat(112, 6, 2)
print(np.linalg.lstsq(A, B, rcond=None))
print(np.linalg.lstsq(A.T, rmat(113, 3), rcond=None))
print(np.linalg.lstsq([[1, 1], [1, 1], [1, 1]], [1, 2, 3], rcond=None))
print(np.linalg.lstsq([[1, 0], [0, 1], [1, 1]], [1, 2, 3], rcond=None))
print(np.linalg.lstsq(np.array([[1, 0], [0, 1], [1, 1]], dtype=np.float32), np.array([1, 2, 3], dtype=np.float32), rcond=None))
print(np.linalg.lstsq(A, b, rcond=0.5)[2])
