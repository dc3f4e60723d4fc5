import numpy as np
# Views of an ndarray stay arrays even when they end up 0-d; NumPy scalars stay scalars.
a = np.ones((1, 1))
print(repr(a.squeeze()), repr(np.squeeze(a)), type(np.squeeze(a)).__name__)
z = np.array(5)
print(repr(z.T), repr(z.transpose()), repr(np.transpose(z)))
s = np.float64(2.5)
print(repr(s.squeeze()), repr(s.transpose()), type(s.T).__name__)
v = a.squeeze()
v[...] = 7
print(a)
print(repr(np.ones((1, 3, 1)).squeeze()), repr(np.arange(6).reshape(2, 3).swapaxes(0, 1)))
