import numpy as np
a = np.arange(6)
v = a[1:4]
print(a.base is None, v.base is a, v[1:].base is a)
c = v.copy()
print(c.base is None)
r = a.reshape(2, 3)
print(r.base is a, a.T.base is a)
m = a[a > 2]
print(m.base is None)
