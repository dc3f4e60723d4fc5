import numpy as np
x = np.float64(2.5)
print(x + 1, 1 + x, x * 2, x ** 2, -x, abs(-x), x // 1, x % 1)
i = np.int32(7)
print(i + 1, type(i + 1).__name__, i / 2, type(i / 2).__name__, i // 2, i % 3, i ** 2)
print(int(np.float64(3.9)), float(np.int8(-3)), bool(np.float64(0.0)), round(np.float64(2.675), 2))
print(np.int64(5) == 5, np.float32(0.5) == 0.5, np.int8(3) < 3.5)
