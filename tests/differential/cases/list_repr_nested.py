print([1, 'a', 2.5, None, True, [2, [3]], (4,), {'k': [5]}])
print(repr([]), repr([[]]), repr([()]))
print(str([1.0, -0.0, 1e20, 0.1 + 0.2]))
print(['quote\'s', "x"])
a = [1, 2]
a.append(a)
print(a)
