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
A = rmat(130, 4, 3)
for o in [None, 'fro', 'nuc', 1, -1, 2, -2, np.inf, -np.inf]:
    print(o, np.linalg.norm(A, o))
print(np.linalg.norm(A, axis=0), np.linalg.norm(A, axis=1), np.linalg.norm(A, axis=-1, keepdims=True))
print(np.linalg.norm(A, 3, axis=1), np.linalg.norm(A, np.inf, axis=0))
T = rmat(131, 2, 3, 4)
print(np.linalg.norm(T))
print(np.linalg.norm(T, axis=(1, 2)))
print(np.linalg.norm(T, 'fro', axis=(0, 2)))
print(np.linalg.norm(T, 2, axis=(1, 2)))
print(np.linalg.norm(T, 1, axis=(2, 1)))
print(np.linalg.norm(T, np.inf, axis=(0, 1), keepdims=True))
print(np.linalg.norm(T, 'nuc', axis=(2, 0)))
print(np.linalg.norm(T, axis=2))
print(np.linalg.norm(np.arange(6).reshape(2, 3), 'fro'), np.linalg.norm(np.arange(6).reshape(2, 3), keepdims=True))
