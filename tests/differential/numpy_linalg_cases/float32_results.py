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
a = np.array([[4, 1], [2, 3]], dtype=np.float32)
for r in [np.linalg.inv(a), np.linalg.solve(a, np.ones(2, dtype=np.float32)), np.linalg.det(a), np.linalg.eigvals(a), np.linalg.svd(a)[1], np.linalg.norm(a), np.linalg.pinv(a), np.linalg.qr(a)[1], np.linalg.eigh(a + a.T)[0]]:
    print(repr(r), r.dtype)
print(np.linalg.solve(a, np.ones(2)).dtype, np.linalg.lstsq(a, np.ones(2, dtype=np.float32), rcond=None)[0].dtype)
b = np.arange(4).reshape(2, 2)
print(np.linalg.inv(b + np.eye(2, dtype=int)).dtype, np.linalg.det(b).dtype, np.linalg.matrix_power(b, 3).dtype)
