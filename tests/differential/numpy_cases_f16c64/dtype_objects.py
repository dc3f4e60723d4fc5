import numpy as np
for spec in ["e", "f2", "float16", "half", np.float16, np.half, "F", "c8", "complex64", np.complex64, np.csingle]:
    d = np.dtype(spec)
    print(d, repr(d), d.name, d.char, d.kind, d.itemsize, d.str, d.type)
print(np.dtype("e") == np.float16, np.dtype("F") == "complex64", np.dtype("f2") == np.float32)
print(np.half is np.float16, np.csingle is np.complex64)
