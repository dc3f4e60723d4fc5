import numpy as np
a = np.arange(12).reshape(3, 4)
for v in [a[:, :0], a[:0], a[:0].T, a[::2, 4:], np.empty((0, 3)).T, np.zeros((2, 0, 3), order='F'),
          np.zeros((0,)), a[:, ::-1][:, :0]]:
    print(v.shape, v.flags.c_contiguous, v.flags.f_contiguous, v.size)
z = np.zeros((3, 0), order='F')
print(z.strides, np.zeros((3, 0)).strides, np.zeros((0, 2, 3), order='F').strides)
