x = 1
del x
x = 'again'
print(x)
a = [1, 2, 3]
del a[1], a[0]
print(a)
d = {'p': 1, 'q': 2, 'r': 3}
del d['p'], d['r']
print(d)
