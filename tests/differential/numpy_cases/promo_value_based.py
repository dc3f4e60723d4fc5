import numpy as np
i8 = np.array([1, 2], dtype=np.int8)
u8 = np.array([1, 2], dtype=np.uint8)
f32 = np.array([1, 2], dtype=np.float32)
b = np.array([True, False])
for r in [i8 + 1, i8 + 200, i8 + 1000, i8 + 1.5, i8 * 2, u8 + 1, u8 - 1, u8 + (-1), u8 + 300,
          f32 + 1, f32 + 1.5, f32 * 1e300, f32 + np.float64(2), i8 + np.int64(5), b + 1, b + 1.5,
          b + b, b * b, i8 + u8, f32 + i8, f32 + np.array([1, 2]), u8 + np.int8(1), i8 / 2,
          u8 // 2, b // b, b ** b, f32 ** 2, i8 + True, np.array([1, 2]) + 1j]:
    print(r.dtype, repr(r))
