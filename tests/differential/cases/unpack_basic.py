a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = 'abc'
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = [10, 20]
print(m, n)
for i, (k, v) in enumerate({'a': 1, 'b': 2}.items()):
    print(i, k, v)
