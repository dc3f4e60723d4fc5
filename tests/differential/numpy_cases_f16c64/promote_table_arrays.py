import numpy as np
names = ["bool_", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
         "float16", "float32", "float64", "complex64", "complex128"]
for a in names:
    row = []
    for b in names:
        r = np.zeros(2, getattr(np, a)) + np.zeros(2, getattr(np, b))
        row.append(r.dtype.str)
    print(a, " ".join(row))
