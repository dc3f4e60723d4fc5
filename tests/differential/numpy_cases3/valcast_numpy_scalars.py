import numpy as np
i8 = np.array([1, 2], dtype=np.int8)
print((i8 + np.int64(5)).dtype, (i8 + np.float64(5)).dtype, (i8 + np.float32(5)).dtype)
print((i8 + np.int64(500)).dtype, (np.int8(1) + np.int64(1)).dtype)
print((np.float32(1) + 1.0).dtype, (np.float32(1) + np.float64(1)).dtype)
print(type(np.int8(3) + 3).__name__, type(np.float32(1) * 2).__name__, type(np.int64(2) / 2).__name__)
print(np.result_type(np.int8, 1) if hasattr(np, 'result_type') else 'int8')
