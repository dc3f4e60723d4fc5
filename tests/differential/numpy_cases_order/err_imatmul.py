import numpy as np
a = np.eye(2)
b = np.ones((2, 2))
print(a @ b)
a @= b
