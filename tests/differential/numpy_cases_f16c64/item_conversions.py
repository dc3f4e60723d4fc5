import numpy as np
h = np.float16(0.1)
z = np.complex64(1.5 + 0.1j)
print(float(h), int(np.float16(-2.7)), h.item(), type(h.item()))
print(z.item(), type(z.item()), float(z.real), float(z.imag))
print(np.array([0.1, 0.2], np.float16).tolist(), np.array([0.1j], np.complex64).tolist())
print(bool(np.float16(0)), bool(np.complex64(1j)), hash(np.float16(1.5)) == hash(1.5))
