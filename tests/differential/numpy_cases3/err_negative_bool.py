import numpy as np
np.negative(np.array([True, False]))
