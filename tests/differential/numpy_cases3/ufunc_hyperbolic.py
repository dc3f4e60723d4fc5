import numpy as np
a = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
print(np.sinh(a))
print(np.cosh(a))
print(np.tanh(a))
print(np.arcsinh(a))
print(np.arccosh(np.array([1.0, 2.0, 10.0])))
print(np.arctanh(np.array([-0.5, 0.0, 0.5])))
