print(list(reversed([1, 2, 3])))
print(list(reversed('abc')))
print(list(reversed(range(5))))
print(list(reversed((1, 'x'))))
print(''.join(reversed('stressed')))
for x in reversed(range(3)):
    print(x)
