import numpy as np
# NumPy scalars carry the array methods
x = np.float64(2.5)
print(x.sum(), np.int8(3).mean(), x.max(), x.min(), x.std(), np.int32(-4).clip(0, 3))
print(x.cumsum(), np.bool_(True).any(), np.bool_(False).all(), x.argmax(), np.float32(1.5).prod())
print(x.var(), np.int64(7).sum(axis=0), np.uint8(200).sum(), np.uint8(200).sum().dtype)
print(type(x.sum()).__name__, type(np.int8(3).sum()).__name__, np.float32(2.5).mean().dtype)
print(np.exp(1).sum(), (np.float64(3) * 2).mean(), np.abs(-3).sum(), np.int16(5).ptp())
