import numpy as np
i8 = np.array([1, 2], dtype=np.int8)
for s in [1, 127, 128, -129, 1000, 70000, 2 ** 31, 2 ** 40]:
    r = i8 + s
    print(s, r.dtype, r)
