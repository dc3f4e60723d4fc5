import numpy as np
a = (np.arange(15) * 7) % 11
print(np.median(a), np.sort(a)[len(a) // 2])
b = a.reshape(3, 5)
print(np.median(b, axis=0), np.median(b, axis=1))
print(np.percentile(b, 50, axis=0) == np.median(b, axis=0))
