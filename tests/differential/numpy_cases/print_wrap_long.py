import numpy as np
print(np.arange(40))
print(repr(np.arange(40)))
print(np.arange(30) * 1.5)
print(repr(np.arange(30) * 1.5))
print(repr(np.arange(25, dtype=np.int16)))
print(repr(np.linspace(0, 1, 20)))
print(np.arange(60).reshape(3, 20))
print(repr(np.arange(60).reshape(3, 20) / 7))
