import numpy as np
print(np.zeros(2, dtype='int32'))
np.zeros(2, dtype='int33')
