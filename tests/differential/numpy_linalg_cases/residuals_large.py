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
A = rmat(160, 40, 40) + 10 * np.eye(40); b = rmat(161, 40)
x = np.linalg.solve(A, b)
print(np.allclose(A @ x, b), np.allclose(np.linalg.inv(A) @ A, np.eye(40)))
print(np.round(np.linalg.det(A / 10), 6))
w = np.linalg.eigvalsh(A + A.T)
print(np.round(w[:3], 4), np.round(w[-3:], 4))
s = np.linalg.svd(A, compute_uv=False)
print(np.round(s[:3], 4), np.round(np.linalg.cond(A), 4))
q, r = np.linalg.qr(A)
print(np.allclose(q @ r, A), np.allclose(q.T @ q, np.eye(40)))
B = rmat(162, 200, 150); C = rmat(163, 150, 100)
print(np.round((B @ C)[:2, :4], 6), np.allclose(B @ C, np.dot(B, C)))
print(np.round(np.linalg.norm(B @ C), 6))
