import numpy as np
a = np.array([-1.7, 0.0, 2.5, 300.2])
print(a.astype(np.int16), a.astype(np.int8 if False else np.int32), a.astype(bool), a.astype('float32'))
print(np.array([1, 0, 2]).astype(bool), np.array([True, False]).astype(np.float64))
print(np.array([3 + 4j]).real.astype(int), np.array([70000]).astype(np.int16), np.array([-1]).astype(np.uint8))
print(np.array([1, 2]).astype(np.complex128))
