import numpy as np
i8 = np.array([1, 2, 3, -4], np.int8)
u8 = np.array([1, 2, 250], np.uint8)
b = np.array([True, False])
for x in [i8, u8, b]:
    print(np.sqrt(np.abs(x)).dtype, np.exp(x).dtype, np.sin(x), np.log1p(np.abs(x)))
print(np.sqrt(np.array([4, 9], np.int16)).dtype, np.sqrt(np.array([4], np.uint16)).dtype)
print(np.sqrt(np.array([4], np.int32)).dtype, np.sqrt(np.int8(2)), np.cos(np.uint8(1)))
print(np.arctan2(i8, i8).dtype, np.hypot(u8, u8), np.arctan2(b, b))
print((i8 / 2).dtype, (i8 / i8).dtype, (u8 / np.uint8(2)).dtype)
print(np.sqrt(True), np.exp(np.int8(1)).dtype)
