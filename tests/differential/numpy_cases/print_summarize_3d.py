import numpy as np
a = np.arange(2000).reshape(10, 10, 20)
print(a)
print(repr(np.arange(1200.0).reshape(2, 600)))
b = np.zeros((1001,))
print(b)
print(np.ones((3, 400), dtype=bool))
