import numpy as np
z = np.array([complex(np.nan, np.inf), complex(-np.inf, 1), 2 - 3j])
print(repr(np.nan_to_num(z)))
print(repr(np.nan_to_num(z.astype(np.complex64), nan=2, posinf=5)))
print(repr(np.nan_to_num(float('nan'))), repr(np.nan_to_num(np.float32(np.inf))), repr(np.nan_to_num(3)))
print(repr(np.nan_to_num([True, False])), repr(np.nan_to_num(np.arange(3, dtype=np.uint8))))
a = np.arange(3)
print(np.nan_to_num(a, copy=False) is a, np.nan_to_num(a) is a)
print(repr(np.nan_to_num([[np.nan, 1], [2, np.inf]])))
v = np.array([[np.nan, 1.0], [np.inf, 2.0]]).T
print(np.nan_to_num(v, copy=False), v)
