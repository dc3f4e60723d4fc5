import numpy as np
x = np.array([1, 3, 7, 15, 31])
for m in ['linear', 'lower', 'higher', 'nearest', 'midpoint']:
    print(m, repr(np.percentile(x, [10, 50, 62.5], method=m)))
