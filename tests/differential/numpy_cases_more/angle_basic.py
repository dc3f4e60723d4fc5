import numpy as np
z = np.array([1 + 1j, -1, 0, -2j, 3 - 3j])
print(np.angle(z))
print(np.angle(z, deg=True))
print(np.angle(z.astype(np.complex64)), np.angle(z.astype(np.complex64), True))
print(np.angle(1j), np.angle(-1, True), np.angle([1, -1, 0]))
print(repr(np.angle(1 + 1j, deg=True)))
