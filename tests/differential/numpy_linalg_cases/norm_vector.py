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
v = rmat(120, 7)
for o in [None, 1, -1, 2, -2, 3, 0.5, np.inf, -np.inf, 0]:
    print(o, np.linalg.norm(v, o))
print(np.linalg.norm([3, 4]), np.linalg.norm([3, 4], keepdims=True))
print(np.linalg.norm(np.array([3, 4], dtype=np.float32)), np.linalg.norm(np.array([3, 4], dtype=np.float32), 1))
print(np.linalg.norm([1+1j, 2-2j]))
print(np.linalg.norm([1+1j, 2-2j], 1))
print(np.linalg.norm([0, 0, 0]), np.linalg.norm(np.array([True, False, True])))
