import numpy as np
np.linspace(0, 1, -2)
