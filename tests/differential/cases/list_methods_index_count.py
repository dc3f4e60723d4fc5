a = [1, 2, 3, 2, 1, 2]
print(a.index(2), a.index(2, 2), a.index(1, 1))
print(a.count(2), a.count(9))
print(['a', 'b'].index('b'))
print([1.0, 1, True].count(1))
