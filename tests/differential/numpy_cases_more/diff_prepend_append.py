import numpy as np
b = np.arange(12).reshape(3, 4) ** 2
print(np.diff(b, prepend=0))
print(np.diff(b, append=[[1], [2], [3]], axis=1))
print(np.diff(b, axis=0, prepend=-1, append=100))
print(np.diff([1, 2, 4], prepend=0.5))
print(repr(np.diff(np.array([1, 2], np.int8), append=np.array([300], np.int16))))
print(np.diff([1, 3, 6], n=2, prepend=[0, 0], append=10))
