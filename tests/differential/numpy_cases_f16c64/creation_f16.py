import numpy as np
print(np.array([1, 2.5, -3], dtype=np.float16))
print(np.zeros(3, np.float16), np.ones((2, 2), "e"), np.full(4, 0.3, dtype="f2"))
print(np.arange(6, dtype=np.float16).reshape(2, 3))
print(np.linspace(0, 1, 7, dtype=np.float16))
print(np.asarray([[1, 2], [3, 4]], dtype=np.half))
print(np.eye(3, dtype=np.float16))
a = np.array([0.1, 0.2], np.float16)
print(a.dtype, a.itemsize, a.nbytes, a.shape, a.strides)
