import numpy as np
print(repr(np.array([1, 2.0])), repr(np.array([True, 2])), repr(np.array([1, 2j])))
print(repr(np.array([[1], [2]])), repr(np.array([])), repr(np.array([[], []])))
print(repr(np.array(3)), repr(np.array(3.5)), repr(np.array(True)))
print(repr(np.array([np.int8(1), np.int8(2)])), repr(np.array([np.float32(1), 2])))
print(repr(np.array([2 ** 63])), repr(np.array([2 ** 64 - 1])))
