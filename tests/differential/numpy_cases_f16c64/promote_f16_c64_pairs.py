import numpy as np
names = ["float16", "complex64"]
others = ["bool_", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]
for a in names:
    for b in others:
        x = np.ones(2, getattr(np, a))
        y = np.ones(2, getattr(np, b))
        print(a, b, (x + y).dtype, (y * x).dtype, (x - y).dtype if a != "bool_" else "", np.promote_types(a, b))
