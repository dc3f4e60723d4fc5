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
a = rmat(20, 4); b = rmat(21, 4)
print(np.vdot(a, b), np.vdot([1, 2, 3], [4, 5, 6]))
print(np.vdot(np.array([1+2j, 3j]), np.array([2-1j, 1])))
print(np.vdot(rmat(22, 2, 2), rmat(23, 2, 2)))
print(np.inner(a, b))
print(np.inner(rmat(24, 2, 4), rmat(25, 3, 4)))
print(np.inner(np.arange(6).reshape(2, 3), np.arange(3)))
print(np.inner(2, a))
print(np.outer(a, b))
print(np.outer(np.arange(3), np.arange(4)))
print(np.outer(rmat(26, 2, 2), [1, 2]))
