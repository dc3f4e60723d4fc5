import numpy as np
a = np.ones(3)
a.flags.writeable = False
a[1] = 2
