import numpy as np
x = np.array([0.5, 1.0, 2.0, 4.0, 8.0])
m = np.array([True, False, True, False, True])
for f in [np.log, np.log2, np.log10, np.exp, np.sin, np.floor, np.ceil, np.square, np.sign, np.rint]:
    o = np.full(5, -9.0)
    f(x, out=o, where=m)
    print(f.__name__ if hasattr(f, '__name__') else '', o)
for f in [np.subtract, np.power, np.arctan2, np.hypot, np.mod]:
    o = np.full(5, -9.0)
    f(x, 2.0, out=o, where=~m)
    print(o)
