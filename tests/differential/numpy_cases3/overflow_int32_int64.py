import numpy as np
a = np.array([2147483647, -2147483648], dtype=np.int32)
print(a + 1, a * 3, a - a[::-1])
b = np.array([9223372036854775807, -9223372036854775808])
print(b + 1, b * 2, -b)
print(np.arange(5, dtype=np.int32) * 1000000000)
print(np.array([3], dtype=np.int64) ** 40)
