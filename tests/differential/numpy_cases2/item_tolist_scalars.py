import numpy as np
a = np.arange(6).reshape(2, 3)
print(a.item(4), type(a.item(4)).__name__, a.item((1, 2)))
print(a.tolist(), np.float64(3.0), repr(np.float64(3.0)), np.float32(0.1), np.int8(-3))
print(np.array(2.5).item(), np.array([[1.5]]).tolist())
