# complex ** -1 is NumPy's reciprocal (Smith's division), not cpow
import numpy as np
i = np.arange(2000)
re = ((i * 2654435761) % 4294967296) / 4294967296.0 - 0.5
im = ((i * 40503 + 12345) % 65536) / 65536.0 - 0.5
c = re + 1j * im
r = c ** -1
print(r[:3], repr(complex(r.sum())), repr(complex((c ** -1.0).sum())))
c64 = c.astype(np.complex64)
print(repr(complex((c64 ** -1).sum())), (c64 ** -1).dtype)
z = np.array([0j, 1 + 0j, -0.0 + 1j, np.inf + 0j, 1e300 + 1e300j, np.nan + 1j])
print(z ** -1)
x = c.copy()
x **= -1
print(repr(complex(x.sum())))
