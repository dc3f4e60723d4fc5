import numpy as np
a = np.array([1, 2])
print(bool(np.array([0])), bool(np.array([3])))
if a > 1:
    print("yes")
