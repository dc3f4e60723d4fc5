import numpy as np
np.exp(np.ones(3), out=np.zeros(3), where=np.ones(4, dtype=bool))
