import numpy as np
z = np.array([1 + 2j, -3.5 + 0j, 4j])
print(z.real, z.imag)
r = np.array([1.5, -2.0])
print(r.real, r.imag, r.real is r)
i = np.arange(3)
print(i.imag, i.real.dtype)
z.real[0] = 10
print(z)
print(np.shares_memory(z, z.imag))
