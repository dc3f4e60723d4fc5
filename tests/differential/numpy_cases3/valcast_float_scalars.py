import numpy as np
f32 = np.array([1.5, 2.5], dtype=np.float32)
for s in [1, 1.5, 1e38, 1e39, -2, True]:
    r = f32 * s
    print(repr(s), r.dtype, r)
i = np.array([1, 2], dtype=np.int16)
print((i * 1.5).dtype, (i + True).dtype, (i + 1j).dtype)
