import numpy as np
for d in ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
          'float16', 'float32', 'float64', 'complex64', 'complex128']:
    a = np.array([0, 1, 2, 5], dtype=d)
    print(d, repr(np.conjugate(a)), repr(np.conj(a)))
