import numpy as np
m = np.array([True, False, False, True, True])
print(np.diff(m), np.diff(m, n=2), np.diff(m, n=3))
print(np.diff([[True, False], [True, True]], axis=0))
print(np.diff(m, prepend=False), np.diff(m, append=[True, False]))
