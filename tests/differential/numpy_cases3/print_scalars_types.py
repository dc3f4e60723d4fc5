import numpy as np
vals = [np.int8(-5), np.uint8(250), np.int64(7), np.float32(0.1), np.float64(0.1), np.float64(1e20), np.float32(3.0), np.bool_(True), np.complex128(1 - 2j), np.float64(np.nan), np.float64(-np.inf)]
for v in vals:
    print(v, repr(v), type(v).__name__, str(v))
