import numpy as np
np.argmax(np.zeros((2, 2)), axis=2)
