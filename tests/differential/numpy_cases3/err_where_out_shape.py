import numpy as np
np.sqrt(np.ones((2, 3)), out=np.zeros(3), where=np.ones(3, dtype=bool))
