import numpy as np
print(repr(np.array([1, 2.0])), repr(np.array([True, 2])), repr(np.array([1, 2j])))
print(repr(np.array([[1, 2], [3.5, 4]])), repr(np.array([np.int8(1), 2])), repr(np.array([np.float32(1.5), 2])))
print(repr(np.array(range(5))), repr(np.array((1, 2, 3))), repr(np.array([[]])), np.array([[]]).shape)
print(repr(np.array([np.array([1, 2]), np.array([3, 4])])), repr(np.array([np.arange(3), [7, 8, 9]])))
print(repr(np.array(2**40)), repr(np.array([2**63])), repr(np.array(-2**63)))
print(repr(np.asarray([1, 2])), repr(np.asarray(np.float64(3))), repr(np.array([1, 2], ndmin=2)))
