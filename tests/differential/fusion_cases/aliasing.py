import numpy as np
# the result of a fused expression is new memory; the inputs are only read
x = np.arange(10.0)
y = x * 2 + x
x += x[::-1]
print(x, y)
x = np.arange(12.0)
x = x * x + x        # rebinding the name read by the expression
print(x)
z = np.arange(8.0)
z[1:] = z[:-1] * 2 + 1
print(z)
w = z.copy()
v = w[::2]
w[::2] = v * v - v   # writes into the array a view of it was read from
print(w)
a = np.arange(6.0).reshape(2, 3)
b = a * 2 + 1
a[0, 0] = 100
print(b, np.shares_memory(a, b), a)
c = np.arange(5)
d = c + c * c
print(d is c, d, c)
e = np.ones(4)
e *= e * 2 + 1
print(e)
