x = 'outer'
r = [x for x in range(3)]
print(x, r)
n = 10
print([n + i for i in range(3)])
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs2 = [lambda i=i: i for i in range(3)]
print([f() for f in fs2])
