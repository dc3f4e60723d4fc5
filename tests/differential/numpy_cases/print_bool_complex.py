import numpy as np
print(np.array([True, False, True]))
print(repr(np.array([[True], [False]])))
print(np.array([1+2j, 3.5-1j]))
print(repr(np.array([1j, 2, -3.25j])))
print(repr(np.array([0j])))
print(np.array([1e-5+1j, 1+0j]))
