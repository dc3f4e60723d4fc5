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
print(np.cross([1, 2, 3], [4, 5, 6]))
print(np.cross([1, 2], [3, 4]))
print(np.cross([1, 2], [3, 4, 5]))
print(np.cross([1, 2, 3], [4, 5]))
print(np.cross(rmat(27, 4, 3), rmat(28, 4, 3)))
print(np.cross(rmat(29, 3, 2), rmat(30, 3)))
print(np.cross(np.arange(6.).reshape(3, 2), np.arange(6.).reshape(3, 2) + 1, axisa=0, axisb=0))
print(np.cross([1.5, 2, 3], [4, 5, 6]))
print(np.trace(np.arange(9).reshape(3, 3)), np.trace(np.eye(4)))
print(np.trace(np.arange(12).reshape(3, 4), 1), np.trace(np.arange(12).reshape(3, 4), -1))
print(np.trace(np.arange(24).reshape(2, 3, 4)))
print(np.trace(np.arange(24).reshape(2, 3, 4), axis1=1, axis2=2))
print(np.trace(rmat(31, 5, 5)), np.trace(np.ones((3, 3), dtype=np.int8)).dtype)
print(np.trace(np.arange(9.).reshape(3, 3) * 0.5))
