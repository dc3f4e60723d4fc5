import numpy as np
x = np.arange(4.0)
y = np.arange(5.0)
z = x * x + y * 2
