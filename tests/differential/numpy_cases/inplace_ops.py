import numpy as np
a = np.array([1, 2, 3])
b = a
a += 10
print(a, b, a is b)
a *= 2
a -= 1
a //= 3
print(a)
f = np.array([1.0, 2.0])
f /= 4
f **= 2
print(f)
i8 = np.array([100], dtype=np.int8)
i8 += 100
print(i8)
m = np.zeros((2, 3))
m += np.array([1, 2, 3])
print(m)
x = np.arange(5)
x[1:] += x[:-1]
print(x)
v = np.arange(6)
v[::2] *= 10
print(v)
