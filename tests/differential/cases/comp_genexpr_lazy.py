def noisy(x):
    print('compute', x)
    return x
g = (noisy(x) for x in range(3))
print('created')
print(next(g))
print('between')
print(list(g))
print(list(g))
print(any(noisy(x) > 0 for x in range(5)))
