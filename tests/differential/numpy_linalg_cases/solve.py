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
A = rmat(40, 5, 5); b = rmat(41, 5); B = rmat(42, 5, 3)
x = np.linalg.solve(A, b)
print(x)
print(np.allclose(A @ x, b))
X = np.linalg.solve(A, B)
print(X)
print(np.allclose(A @ X, B))
print(np.linalg.solve([[3, 1], [1, 2]], [9, 8]))
print(np.linalg.solve(np.array([[3, 1], [1, 2]], dtype=np.float32), np.array([9, 8], dtype=np.float32)))
S = rmat(43, 3, 4, 4); c = rmat(44, 3, 4)
y = np.linalg.solve(S, c)
print(y.shape, np.allclose(np.einsum('nij,nj->ni', S, y) if False else (S @ y[..., None])[..., 0], c))
print(np.linalg.solve(S, rmat(45, 3, 4, 2)).shape)
