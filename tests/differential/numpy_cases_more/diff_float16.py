import numpy as np
h = np.float16([1, 2.5, 7, 7.125, 100])
print(repr(np.diff(h)), repr(np.diff(h, 3)))
print(repr(np.diff(np.array([np.inf, np.inf, 1.0]))))
print(repr(np.diff(np.array([1 + 1j, 2, 3j]), n=2)))
