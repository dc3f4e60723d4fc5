a = b = c = []
a.append(1)
print(a, b, c)
x = y = 5
x += 1
print(x, y)
i, j = k = 1, 2
print(i, j, k)
d = {}
d['a'] = d['b'] = 0
print(d)
