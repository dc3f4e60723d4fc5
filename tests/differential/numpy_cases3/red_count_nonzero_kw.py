import numpy as np
a = np.array([[0, 1, 2], [3, 0, 0]])
print(np.count_nonzero(a), np.count_nonzero(a, axis=0), np.count_nonzero(a, axis=1))
print(np.count_nonzero(a, axis=1, keepdims=True), np.count_nonzero([True, False, True]))
print(type(np.count_nonzero(a)).__name__)
