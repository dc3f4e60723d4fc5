import numpy as np
names = ["bool_", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
         "float16", "float32", "float64", "complex64", "complex128"]
scalars = [True, 1, -1, 100, 300, -200, 70000, 2**40, 1.0, 1e5, 1e39, 1j, complex(1e39, 0),
           float("nan")]
for a in names:
    arr = np.ones(2, getattr(np, a))
    print(a, " ".join(str((arr * s).dtype) for s in scalars))
