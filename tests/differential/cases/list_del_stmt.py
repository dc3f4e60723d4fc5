a = list(range(10))
del a[0]
print(a)
del a[-1]
print(a)
del a[2:5]
print(a)
x = 5
del x
d = {'a': 1, 'b': 2}
del d['a']
print(d)
try:
    print(x)
except NameError as e:
    print('deleted:', e)
