import numpy as np
np.add(np.ones((2, 3)), np.ones(4), out=np.zeros(3))
