import numpy as np
a = np.array([250, 5], dtype=np.uint8)
print((a + np.array([10, 10], dtype=np.int8)).dtype, a + np.array([10, 10], dtype=np.int8))
print((a + np.array([1, 1], dtype=np.uint16)).dtype)
print((a + np.array([1.5, 1.5], dtype=np.float32)).dtype)
print((a * np.array([True, False])).dtype, a * np.array([True, False]))
print((a + np.array([1, 1], dtype=np.int64)).dtype, (a + np.array([1, 1], dtype=np.uint64)).dtype)
print((np.array([1], dtype=np.uint64) + np.array([1], dtype=np.int64)).dtype)
