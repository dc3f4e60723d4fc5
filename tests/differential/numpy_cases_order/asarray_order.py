import numpy as np
a = np.arange(6.0).reshape(2, 3)
t = a.T
print(np.asarray(a) is a, np.asarray(a, order='C') is a, np.asarray(a, order='F') is a)
print(np.asarray(t, order='F') is t, np.asarray(t, order='C') is t, np.asarray(t, order='A') is t,
      np.asarray(t, order='K') is t)
print(np.asarray(t, order='C').strides, np.asarray(a, order='F').strides)
print(np.asarray([[1, 2], [3, 4]], order='F').strides, np.asarray(t, dtype=np.int32).strides)
print(np.asarray(a[:, ::2], order='K').strides, np.asarray(a[:, ::2], order='F').strides)
