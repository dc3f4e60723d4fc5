import numpy as np
a = np.array([10, 200, 250], dtype=np.uint8)
print(a + 1, (a + 1).dtype)
print(a + 300, (a + 300).dtype)
print(a - 20, (a - 20).dtype)
print(a + -1, (a + -1).dtype)
print(a * 2.0, (a * 2.0).dtype)
print(a + np.int64(1), (a + np.int64(1)).dtype)
print(a + np.array(1), (a + np.array(1)).dtype)
