import numpy as np
print(np.array([1.9, -1.9, 2.5]).astype(np.int64))
print(np.array([300.7, -1.0]).astype(np.uint8) if False else np.array([200.7, 1.0]).astype(np.uint8))
print(np.array([1.5, 0.0]).astype(bool), np.array([0.2, 0.0]).astype(np.int8))
