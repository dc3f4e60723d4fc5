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
a = np.arange(6).reshape(2, 3); b = np.arange(12).reshape(3, 4)
print(a @ b, (a @ b).dtype)
print(a.astype(np.int8) @ b.astype(np.int8))
print((a > 2) @ (b > 5))
f = a.astype(np.float32)
print(f @ b.astype(np.float32), (f @ b.astype(np.float32)).dtype)
print((f @ b).dtype, (a @ b.astype(np.float64)).dtype)
z = np.array([[1+2j, 3-1j], [0.5j, 2]])
print(z @ z)
print(z @ np.array([1, 1j]))
x = np.arange(24, dtype=np.int64).reshape(2, 3, 4)
print(x @ np.arange(8).reshape(4, 2))
