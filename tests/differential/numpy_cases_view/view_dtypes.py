# ndarray.view(dtype): shapes, strides, shared memory and NumPy's errors
import numpy as np
x = np.arange(6.0).reshape(2, 3)
for args in [(np.int64,), (np.uint8,), (np.complex128,), (np.float32,), (), (np.float64,)]:
    try:
        v = x.view(*args)
        print(v.dtype, v.shape, v.strides, np.shares_memory(v, x), v.base is x)
    except Exception as e:
        print(type(e).__name__, e)
y = np.arange(4.0)
for a, dt in [(y.view(np.complex128), None), (y[::2], np.int64), (y[::2], np.int32), (np.float64(1.5), np.int64), (np.array(2.0), np.int32), (np.arange(3, dtype=np.int8), np.int16), (np.arange(4, dtype=np.int8), np.int16), (x.T, np.int32), (x.T, np.int64), (np.zeros((2,0)), np.int32)]:
    try:
        v = a.view(dt) if dt is not None else a
        print(repr(v), type(v).__name__)
    except Exception as e:
        print(type(e).__name__, e)
z = np.arange(4, dtype=np.int32)
w = z.view(np.float32)
w[0] = 1.0
print(z, w.view(np.uint8)[:4], z.view(dtype=np.int32) is z)
