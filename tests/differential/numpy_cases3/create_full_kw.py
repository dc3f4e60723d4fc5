import numpy as np
print(np.full(3, 7))
print(np.full((2, 2), 1.5))
print(np.full((2, 3), 2, dtype=np.uint8))
print(np.full(2, True), np.full(2, np.nan), np.full((), 4))
print(np.full(shape=(1, 2), fill_value=-1, dtype='float32'))
print(np.full(3, 300, dtype=np.int16))
