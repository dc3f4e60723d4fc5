import numpy as np
a = np.array([1, 2, 3])
b = np.array([3, 2, 1])
for f in [np.equal, np.not_equal, np.less, np.less_equal, np.greater, np.greater_equal]:
    print(f(a, b), f(a, 2), f(2.5, a))
