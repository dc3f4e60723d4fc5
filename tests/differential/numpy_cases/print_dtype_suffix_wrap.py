import numpy as np
print(repr(np.arange(20, dtype=np.int32)))
print(repr(np.arange(21, dtype=np.int32)))
print(repr(np.arange(14, dtype=np.float32) / 3))
print(repr(np.ones((2, 12), dtype=np.uint16)))
print(repr(np.arange(19, dtype=np.int8)))
