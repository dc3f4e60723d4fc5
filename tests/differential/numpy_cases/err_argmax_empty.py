import numpy as np
print(np.array([1, 3]).argmax())
np.array([]).argmax()
