import numpy as np
def f(a, b):
    return a - b if a > b else a + b
v = np.vectorize(f)
print(v([1, 2, 3, 4], 2))
print(v(np.arange(6).reshape(2, 3), [[1], [4]]))
print(repr(v(3, 1)))
