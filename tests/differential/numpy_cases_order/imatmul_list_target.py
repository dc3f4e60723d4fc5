import numpy as np
b = [[1.0, 2.0], [3.0, 4.0]]
b @= np.eye(2) * 2
print(type(b).__name__, b)
c = np.arange(4.0).reshape(2, 2)
d = c
c = c @ c
print(c, d is c)
try:
    d @= np.eye(2)
except TypeError as e:
    print(e)
print(d)
