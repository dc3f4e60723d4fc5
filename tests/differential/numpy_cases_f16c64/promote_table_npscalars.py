import numpy as np
names = ["bool_", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
         "float16", "float32", "float64", "complex64", "complex128"]
for a in names:
    arr = np.ones(3, getattr(np, a))
    row = []
    for b in names:
        s = getattr(np, b)(1)
        row.append((arr + s).dtype.char)
        row.append((s - arr).dtype.char if b != "bool_" and a != "bool_" else "-")
    print(a, "".join(row))
for a in names:
    x = getattr(np, a)(2)
    print(a, " ".join(str((x + getattr(np, b)(3)).dtype) for b in names))
