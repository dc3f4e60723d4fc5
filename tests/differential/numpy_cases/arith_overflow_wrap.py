import numpy as np
a = np.array([100, 120], dtype=np.int8)
print(a + a, a * 3, -np.array([-128], dtype=np.int8))
u = np.array([250, 5], dtype=np.uint8)
print(u + 10, u - 10, u * 2)
big = np.array([2**62, 2**63 - 1])
print(big * 2, big + 1)
print(np.array([200], dtype=np.uint8) + np.array([100], dtype=np.uint8))
print(np.array([65535], dtype=np.uint16) * np.array([65535], dtype=np.uint16))
