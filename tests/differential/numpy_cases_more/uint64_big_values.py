import numpy as np
a = np.array([2**64 - 1, 17])
print(repr(a), a.dtype, a.tolist())
print(np.array([2**64 - 1], dtype=np.uint64).tolist())
print(np.array([2**63 + 5, 2**53 + 1, 2**63], dtype=np.uint64).tolist())
print(np.array([2**63], np.uint64)[0].item(), int(np.uint64(2**64 - 2)))
print(repr(np.array([2**63 - 1, 1])), np.array([[2**64 - 1]]).tolist())
