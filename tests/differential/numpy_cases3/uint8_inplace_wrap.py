import numpy as np
a = np.array([250, 3, 128], dtype=np.uint8)
a += 10
print(a)
a -= 20
print(a)
a *= 3
print(a)
a //= 7
print(a)
a **= 2
print(a, a.dtype)
