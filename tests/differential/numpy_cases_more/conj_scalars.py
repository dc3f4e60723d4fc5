import numpy as np
for s in [np.float64(1.5), np.float32(-2), np.float16(3), np.int8(-4), np.uint16(5), np.bool_(True),
          np.complex64(1 - 2j), np.complex128(3 + 4j)]:
    print(type(s).__name__, repr(s.conj()), repr(s.conjugate()), repr(np.conj(s)))
print(hasattr(np.float64(1), 'conj'), hasattr(np.int32(1), 'conjugate'))
