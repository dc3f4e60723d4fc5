import numpy as np
a = np.ones((3, 4))
a[1:, :2] *= 3
a[:, -1] -= np.array([1, 2, 3])
a[0] += a[1]
print(a)
b = np.arange(12).reshape(3, 4)
b[b > 5] //= 2
b[:, ::2] **= 2
print(b)
c = np.arange(6.0)
c[::2] /= 2
c %= 2
print(c)
d = np.array([1, 2, 3], dtype=np.uint8)
d -= 2
print(d)
