import numpy as np
h = np.float16([1, 2, 2.5, 7])
print(repr(np.histogram(h, bins=3)))
print(repr(np.histogram(np.float16([0.1, 0.2, 0.7, 1.3, 2.9, 3.3]), bins=5)))
print(repr(np.histogram(np.float16([1, 2, 3]), bins=4, range=(0, 5))))
print(repr(np.histogram(np.float32([1, 2, 5]), bins=2)))
