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
import numpy.linalg
import numpy.linalg as la
from numpy.linalg import inv, LinAlgError
print(la is np.linalg, numpy.linalg is la)
print(inv(np.eye(2)))
print(LinAlgError.__name__)
try:
    inv(np.zeros((2, 2)))
except np.linalg.LinAlgError as e:
    print('caught', e)
try:
    np.linalg.cholesky(-np.eye(2))
except LinAlgError as e:
    print('caught', e)
