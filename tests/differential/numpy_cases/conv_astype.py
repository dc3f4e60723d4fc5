import numpy as np
a = np.array([1.7, -2.3, 3.5, 0.0])
print(repr(a.astype(int)), repr(a.astype(np.int8)), repr(a.astype(bool)))
print(repr(a.astype(np.float32)))
b = np.array([300, -1, 255])
print(repr(b.astype(np.uint8)), repr(b.astype(np.int8)))
print(repr(np.array([0, 1, 2]).astype(bool)))
print(repr(np.array([True, False]).astype(float)))
print(repr(a.astype('complex128')))
