import numpy as np
a = (np.arange(2000) % 97 / 7).astype(np.float16)
print(a)
print(repr(a[:30]))
print(a.reshape(40, 50))
