import numpy as np
a = np.arange(12).reshape(3, 4)
print(np.sum(a, axis=0), np.sum(a, axis=1, keepdims=True), np.sum(a, axis=(0, 1)))
print(np.sum(a, dtype=np.float32), a.sum(axis=-1, dtype=np.int8))
print(np.sum(a, where=a > 5), np.sum(a, axis=0, where=a % 2 == 0))
print(np.sum([1, 2, 3]), np.sum(5), np.sum([]), np.sum(np.zeros((0, 3)), axis=0))
