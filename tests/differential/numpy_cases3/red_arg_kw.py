import numpy as np
a = np.array([[3, 7, 7], [9, 2, 9]])
print(np.argmax(a), np.argmin(a), np.argmax(a, axis=0), np.argmin(a, axis=1))
print(a.argmax(axis=-1), np.argmax(a, axis=1, keepdims=True) if False else np.argmax(a, axis=1))
print(np.argmax([1, 3, 3]), np.argmin(np.array([2.0, np.nan, 1.0])))
