a = list(range(8))
a[2:4] = ['x', 'y', 'z']
print(a)
a[::2] = [0, 0, 0, 0, 0]
print(a)
a[:] = [1, 2]
print(a)
a[1:1] = [9, 9]
print(a)
del a[::2]
print(a)
b = [1, 2, 3, 4, 5]
del b[1:3]
print(b)
