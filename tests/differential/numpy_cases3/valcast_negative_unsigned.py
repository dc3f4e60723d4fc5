import numpy as np
u16 = np.array([1, 2], dtype=np.uint16)
print((u16 - 1).dtype, (u16 + -1).dtype, u16 + -1)
u64 = np.array([1, 2], dtype=np.uint64)
print((u64 + 1).dtype, (u64 + -1).dtype, u64 + -1)
print((u64 * 2 ** 63).dtype)
print(np.array([5], dtype=np.uint32) // -2)
