import numpy as np
h = np.array([1.5, -2, 0.1], np.float16)
z = np.array([1j, 2], np.complex64)
print(np.where(h > 0, h, 0), np.where(h > 0, h, 0.5).dtype)
print(np.concatenate([h, h]), np.concatenate([h, z]).dtype, np.concatenate([h, np.ones(1, np.int8)]).dtype)
print(np.stack([h, h]).dtype, np.clip(h, -1, 1))
