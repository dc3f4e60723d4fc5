import numpy as np
a = np.array([[3, 7, 1], [9, 2, 8]])
print(a.min(), a.max(), a.min(axis=0), a.max(axis=1), np.min(a), np.max(a, axis=0, keepdims=True))
print(a.argmin(), a.argmax(), a.argmin(axis=0), a.argmax(axis=1), np.argmax(a, axis=0))
f = np.array([2.0, np.nan, 5.0])
print(f.max(), f.min(), f.argmax(), np.argmin(np.array([4.0, 1.0, 1.0])))
print(np.amax(a), np.amin(a, axis=1), a.ptp(), np.ptp(a, axis=0))
print(np.array([True, False]).max(), np.array([-1.5, -0.5]).max())
print(type(a.max()), a.max().dtype, np.array([1, 2], dtype=np.int16).max().dtype)
