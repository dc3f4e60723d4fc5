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
A = rmat(90, 5, 3)
q, r = np.linalg.qr(A)
print(q.shape, r.shape)
print(q)
print(r)
print(np.allclose(q @ r, A))
q, r = np.linalg.qr(A, mode='complete')
print(q.shape, r.shape, np.allclose(q @ r, A))
print(np.linalg.qr(A, mode='r'))
h, tau = np.linalg.qr(A, mode='raw')
print(h.shape, tau)
q, r = np.linalg.qr(A.T)
print(q.shape, r.shape, np.allclose(q @ r, A.T))
print(np.linalg.qr([[1, 2], [3, 4]]))
print(np.linalg.qr(rmat(91, 2, 3, 2))[1])
