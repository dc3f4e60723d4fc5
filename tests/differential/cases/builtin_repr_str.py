for v in ['s', 1, 2.0, None, [1, 's'], ('t',), {'k': 'v'}, {1}, True, 1e-9, 1j]:
    print(repr(v), str(v))
print(repr(repr('x')))
print(str(str(5)))
