import numpy as np
print(np.array([1, 2.5j, -3 + 1j], dtype=np.complex64))
print(np.zeros(3, np.complex64), np.ones((2, 2), "F"), np.full(2, 1j, dtype="c8"))
print(np.arange(4, dtype=np.complex64))
a = np.array([[1 + 1j, 2], [3, 4j]], dtype=np.csingle)
print(a.dtype, a.itemsize, a.nbytes, a.shape, a.strides)
print(repr(a))
