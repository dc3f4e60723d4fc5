import numpy as np
for shape in [(2, 3), (2, 3, 4), (1,), (1, 1), (0, 3), (3, 0, 2), (), (4, 1)]:
    for order in ['C', 'F']:
        for make in [np.zeros, np.ones, np.empty]:
            a = make(shape, order=order)
            print(shape, order, a.strides, a.flags.c_contiguous, a.flags.f_contiguous)
        f = np.full(shape, 2.5, order=order)
        print(f.strides, f.flags['C_CONTIGUOUS'], f.flags['F_CONTIGUOUS'], f.sum())
print(np.zeros((2, 3), dtype=np.int32, order='F').strides)
print(np.ones((2, 3), np.uint8, 'F').strides)
