import numpy as np
a = np.arange(5)
print(np.delete(a, [True, False, True, False, False]))
print(np.delete(a, []))
print(np.delete(a, slice(1, 3)))
print(np.delete(a, np.array([0, 4])))
