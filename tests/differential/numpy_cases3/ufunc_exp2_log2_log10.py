import numpy as np
a = np.array([0, 1, 2, 10, -1])
print(np.exp2(a))
print(np.log2(np.array([1.0, 2.0, 8.0, 1024.0, 0.5])))
print(np.log10(np.array([1.0, 10.0, 1000.0, 0.01, 5.0])))
print(np.exp2(np.array([0.5, 1.5], dtype=np.float32)))
print(np.log10(np.uint8(100)), np.log2(np.int16(64)))
