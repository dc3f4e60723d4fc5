def f():
    len = lambda s: 'shadowed'
    return len('abc')
print(f())
print(len('abc'))
max = 5
print(max)
del max
print(max(1, 2))
