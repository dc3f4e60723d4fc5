# .astype(dtype) inside fused expressions converts with astype's own loop
import numpy as np
x = np.linspace(-300, 300, 13)
i = np.arange(-6, 7)
print((x * 2).astype(np.int8) + 1, (x * 1.5).astype('float32') * 2, (i * 40).astype(np.uint8) * 3)
print((x / 7).astype(int) + i, (i > 0).astype(np.float64) * x, x.astype(np.float32) * 2 + 1)
print((x * x).astype(bool) & (i < 3), np.sqrt(np.abs(x)).astype(np.int32) % 7, (x * 1e10).astype(np.int64) // 3)
# out-of-range float -> int conversions are undefined in C and differ between NumPy builds:
# only in-range values here, and NaN/inf into float types
y = np.array([np.nan, np.inf, -np.inf, 1e20, -1e20, 3.7, -3.7, 0.0, -0.0, 126.5, 100.0, -128.0, 127.9])
z = y[5:]
print((z * 1).astype(np.int8) + 0, (np.abs(z) + 0).astype(np.uint8) * 1, (z * 1).astype(np.int32) - 0)
print((y * 1).astype(np.float32) + 0, (y + 0).astype(bool) * 1, (y * 2).astype(np.float64) - 0)
print((x * 2).astype(np.float64).sum(), (i * 3).astype(np.float32).astype(np.int8) + 1)
try:
    print((x * 2).astype('nonsense') + 1)
except TypeError as e:
    print("TypeError:", e)
