d = {'a': 1, 'b': 2}
d['c'] = 3
d['a'] = 10
print(d)
print(len(d), 'a' in d, 'z' in d, 1 in d)
print(d['b'])
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
print({})
print(dict())
