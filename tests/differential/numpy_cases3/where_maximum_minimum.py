import numpy as np
a = np.array([1.0, np.nan, 3.0, -2.0])
b = np.array([2.0, 1.0, np.nan, -5.0])
print(np.maximum(a, b, out=np.zeros(4), where=[True, True, False, True]))
print(np.minimum(a, b, out=np.full(4, 9.0), where=[False, True, True, True]))
print(np.fmax(a, b, out=np.zeros(4), where=a == a))
