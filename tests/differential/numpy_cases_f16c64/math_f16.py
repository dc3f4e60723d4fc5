import numpy as np
a = np.array([0.1, 0.5, 1.0, 2.0, 3.14, 10.0, 100.0], np.float16)
for f in [np.sqrt, np.exp, np.log, np.log2, np.log10, np.log1p, np.expm1, np.sin, np.cos,
          np.tan, np.arctan, np.sinh, np.cosh, np.tanh, np.arcsinh, np.cbrt, np.floor, np.ceil,
          np.rint, np.trunc, np.degrees, np.radians, np.square, np.sign]:
    r = f(a)
    print(f.__name__, r.dtype, r)
print(np.arcsin(a[:3]), np.arccos(a[:3]), np.arctanh(a[:2]), np.arccosh(a[2:]))
print(np.exp2(a[:5]))
