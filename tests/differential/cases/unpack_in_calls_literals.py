def f(a, b, c):
    return a + b * c
args = [1, 2, 3]
print(f(*args))
print(f(1, *[2, 3]))
kw = {'b': 10, 'c': 100}
print(f(1, **kw))
print([*range(3), *'ab', 9])
print((*[1, 2], 3))
print({*[1, 2], 3})
print({**{'a': 1}, 'b': 2})
print(*[1, 2, 3], sep='-')
