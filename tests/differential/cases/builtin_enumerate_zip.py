for i, c in enumerate('abc'):
    print(i, c)
print(list(enumerate(['x', 'y'], start=1)))
print(list(zip([1, 2, 3], 'ab')))
print(list(zip()))
print(list(zip(range(3), range(10, 13), 'xyz')))
names, ages = zip(*[('a', 1), ('b', 2)])
print(names, ages)
print(dict(zip(['k1', 'k2'], [1, 2])))
