import numpy as np
# dtypes through a fused chain: wrap-around, value-based casting of Python scalars, float32
i8 = np.arange(-64, 64, 9, dtype=np.int8)
print(i8 * 3 + 100, i8 * 300 + 1, i8 + 1.5 * i8, (i8 * 2 - 1).dtype)
u8 = np.arange(0, 250, 17, dtype=np.uint8)
print(u8 * 2 + 10, u8 - 20 + u8, u8 / 3 + 1, u8 // 3 * 2)
f4 = np.linspace(-2, 2, 9, dtype=np.float32)
print(f4 * 1.1 + 0.3, f4 ** 2 + f4, np.sqrt(f4 * f4 + 1), (f4 * 2.5 - 1).dtype)
print(f4 * np.float64(2) + 1, f4 * np.float32(0.1) - f4, (f4 + np.arange(9)).dtype)
i64 = np.arange(9) * 1000000007
print(i64 * i64 + 1, i64 % 97 * 3, i64 ** 2 + 1)
b = np.array([True, False, True, True, False, True, False, False, True])
print(b * 2 + 1, b & (f4 > 0), ~b | b, -i8 + 1, ~i8 + 1, b + b * b)
print(i8 ** 2 + 1, u8 ** 2.0 + 1, b ** 2 + b, f4 ** -1 + 1, f4 ** 0.5 * 2, i8 * 0.5 ** 2)
print(np.maximum(f4 * 2, 0.5) + 1, np.minimum(i8, u8[:8] if False else 3) * 2 + 1)
print(np.abs(i8 * 3) + 1, np.negative(u8) + u8, np.square(i8) - i8)
