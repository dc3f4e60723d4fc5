# complex() of NumPy complex scalars keeps the imaginary part; signed zeros survive
import numpy as np
print(complex(2.5, -0.0), complex(-0.0, -0.0), complex(1+2j, 3), complex(1+2j, 3j), complex(2, 1j), complex(1.5), complex(-0.0))
print(complex(np.complex128(1+2j)), complex(np.float64(2.5)), complex(np.complex128(3-4j), 1), complex("1+2j"), complex(np.int8(3), np.float32(-0.0)))
c = np.array([1+2j, 3-1j])
print(complex(c.sum()), complex(c[0]), [complex(v) for v in c])
for bad in [("a", 1), (1, "b"), ([1],)]:
    try:
        complex(*bad)
    except TypeError as e:
        print("TypeError:", e)
