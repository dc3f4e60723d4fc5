import numpy as np
h = np.array([3.14159, -1.25, 0.1, 2.675, 1000.5], np.float16)
print(np.round(h), np.round(h, 1), np.round(h, 2), np.round(h, -1))
z = np.array([1.234 + 5.678j, -0.5j], np.complex64)
print(np.round(z, 1))
