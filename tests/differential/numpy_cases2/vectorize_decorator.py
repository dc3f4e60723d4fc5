import numpy as np
@np.vectorize
def clamp(x):
    return 0 if x < 0 else x
print(clamp(np.array([-2, 3, -1, 5])))
print(clamp.pyfunc(-4))
