import numpy as np
print(np.histogram([]))
print(np.histogram([], bins=2, range=(1, 3)))
