import numpy as np
a = np.array([1 + 2j, -0.5j, 3], np.complex64)
for other in [np.ones(3, np.float32), np.ones(3, np.float64), np.ones(3, np.float16),
              np.ones(3, np.int16), np.ones(3, np.int32), np.ones(3, np.complex128), 2, 2.5, 1j]:
    r = a * other
    print(r.dtype, r)
print((np.ones(2, np.float32) + 1j).dtype, (np.ones(2, np.float16) * 1j).dtype)
