import numpy as np
b = np.array([True, False])
print((b + 1).dtype, b + 1)
print((b * 2.5).dtype, (b + True).dtype, b + True)
print((b & True), (b | False), (b ^ True))
print((np.array([1, 2], dtype=np.uint8) + True).dtype)
