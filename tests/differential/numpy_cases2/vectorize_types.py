import numpy as np
print(repr(np.vectorize(lambda x: x > 1)([0, 1, 2])))
print(repr(np.vectorize(lambda x: x * 1.5)([1, 2])))
print(repr(np.vectorize(lambda x: int(x) % 3)(np.array([1.5, 5.2]))))
print(repr(np.vectorize(lambda x: -x)(np.array([1, 2], dtype=np.int8))))
