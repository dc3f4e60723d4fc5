import numpy as np
a = np.arange(4).reshape(2, 2)
b = np.arange(4, 8).reshape(2, 2)
print(np.concatenate((a, b)), np.concatenate([a, b], axis=1))
print(np.concatenate([a, b], axis=None), np.concatenate([a, b.astype(np.float32)]).dtype)
print(np.concatenate([np.zeros(2, np.int8), np.ones(1, np.uint8)]).dtype)
