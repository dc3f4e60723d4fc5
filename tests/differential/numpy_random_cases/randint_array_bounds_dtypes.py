import numpy as np

np.random.seed(11)
for dt in [np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.uint64]:
    r = np.random.randint([0, 1, 2], [3, 50, 120], size=(3, 3), dtype=dt)
    print(dt.__name__, r.dtype, r.tolist())
print(np.random.randint([0, -5], [1, 5], dtype=np.int8, size=(3, 2)))
print(np.random.randint(0, [[2], [300]], size=(2, 5), dtype=np.uint16))
print(np.random.randint(np.array([0, 0, 1]), 2, dtype=bool))
print(np.random.randint(0, [1, 2, 2, 1], dtype=np.bool_))
print(np.random.randint([0, 250], 256, size=(2, 2), dtype=np.uint8))
print(np.random.randint([-128, 0], [127, 128], dtype=np.int8))
print(np.random.randint(0, [2**32 - 1, 2**31], dtype=np.uint32))
print(np.random.randint([0.5, 2.7], [5.9, 8.1], dtype=np.int16))
print(np.random.randint([1, 2], 10, dtype=np.uint32))
# the narrow dtypes share one buffered 32-bit draw between elements
print(np.random.randint([0, 0, 0, 0, 0], [2, 3, 4, 5, 6], dtype=np.uint8))
print(np.random.randint(1000, size=4))
