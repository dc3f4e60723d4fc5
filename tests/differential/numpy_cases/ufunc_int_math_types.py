import numpy as np
a = np.array([1, 4, 9], dtype=np.int32)
b = np.array([1, 4, 9], dtype=np.int64)
print(repr(np.sqrt(a)), repr(np.sqrt(b)), repr(np.exp(a) > 2), repr(np.log(b)))
print(repr(np.floor(a)), repr(np.abs(np.array([-2], dtype=np.int8))), repr(np.sign(np.array([-2, 0, 5], dtype=np.int16))))
print(repr(np.square(np.array([3], dtype=np.uint8))), repr(np.negative(np.array([3], dtype=np.uint8))))
print(repr(np.sqrt(np.array([4.0], dtype=np.float32))), repr(np.floor(np.array([2.5], dtype=np.float32))))
