import numpy as np
names = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64', 'complex128']
for x in names:
    row = []
    for y in names:
        r = np.ones(2, dtype=x) + np.ones(2, dtype=y)
        row.append(str(r.dtype))
    print(x, row)
