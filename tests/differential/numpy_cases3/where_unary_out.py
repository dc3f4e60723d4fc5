import numpy as np
a = np.array([4.0, -1.0, 9.0, 0.0])
o = np.zeros(4)
np.sqrt(a, out=o, where=a >= 0)
print(o)
print(np.negative(a, out=np.ones(4), where=a != 0))
print(np.abs(np.array([-3, 2, -1]), out=np.zeros(3, dtype=np.int64), where=np.array([True, False, True])))
