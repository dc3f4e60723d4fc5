import numpy as np
a = np.array([127, -128, 100], dtype=np.int8)
print(a + 1, a - 1, a * 2, -a)
b = np.array([32767, -32768], dtype=np.int16)
print(b + np.int16(1), b * b, abs(b))
print(np.int8(127) + np.int8(1), np.int16(-32768) - np.int16(1))
