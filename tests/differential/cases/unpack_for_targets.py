pairs = [(1, 'one'), (2, 'two')]
for n, word in pairs:
    print(n, word)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c)
for first, *others in [[1, 2, 3], [4]]:
    print(first, others)
d = {}
for d['k'] in range(3):
    pass
print(d)
