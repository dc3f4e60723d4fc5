import numpy as np
a = np.array([10312, 18496, -18464, 2049, 4097, 60000, 65504, 1000.5, 7], dtype=np.float16)
print(a)
print(repr(a))
print(a[:4], a[5:7])
for x in a:
    print(x, repr(x))
print(np.array([2048, 2050, 2052], np.float16), np.array([32768, 32800], np.float16))
