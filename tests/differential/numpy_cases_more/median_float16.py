import numpy as np
h = np.float16([1, 2, 2.5, 7])
print(repr(np.median(h)), type(np.median(h)).__name__)
print(repr(np.median(np.float16([[1, 2], [3, 4]]), axis=0)))
print(repr(np.median(np.float16([1, 2.1, 7.3, 8.1]))), repr(np.median(np.float16([3, 1, 2]))))
print(repr(np.median(np.float16([[1, 2.1], [7.3, 8.1]]), axis=1, keepdims=True)))
print(repr(np.median(np.float32([1, 2]))), repr(np.median(np.float16([np.nan, 1]))))
