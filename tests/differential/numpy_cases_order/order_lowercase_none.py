import numpy as np
a = np.arange(6.0).reshape(2, 3)
print(np.zeros((2, 3), order='f').strides, a.T.copy(order='k').strides, a.T.ravel('a').tolist())
print(np.zeros((2, 3), order=None).strides, a.T.copy(order=None).strides, a.T.ravel(order=None).tolist())
print(np.array(a.T, order=None).strides, a.T.astype(int, order=None).strides, np.copy(a.T, order=None).strides)
print(a.reshape(3, 2, order=None).strides, np.zeros_like(a.T, order=None).strides)
