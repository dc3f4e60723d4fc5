import numpy as np
# expressions the compiler plans for fusion but which hold no array run as ordinary code
a, b = 3, 4.5
print(a * b + a, a ** 2 + b, -a + ~a, a < b * 2, a // 2 + a % 2)
s = np.float64(2.5)
t = np.int8(100)
print(s * s + 1, t * 2 + t, np.sqrt(s * s + 1), repr(t * t + 1), type(s * 2 + 1).__name__)
print(np.sqrt(16) + 1, np.where(a > 1, 2, 3) + 1, (np.float64(3) * 2).sum())
z = np.array(5.0)
print(z * z + 1, type(z * z + 1).__name__, np.array([2.0]) * z + z)
L = [1, 2]
try:
    print(L * 2 + L, "ab" * 2 + "c", (1, 2) * 2 + (3,))
except TypeError as e:
    print("TypeError:", e)
total = 0
for k in range(1000):
    total = total * 3 % 1000003 + k * k
print(total)
