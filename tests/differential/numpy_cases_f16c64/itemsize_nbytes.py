import numpy as np
for dt in [np.float16, np.complex64, np.float32, np.complex128]:
    a = np.zeros((3, 5), dt)
    print(dt.__name__, a.itemsize, a.nbytes, a.strides, a[::2, ::2].strides, a.T.strides)
