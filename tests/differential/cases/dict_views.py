d = {'a': 1, 'b': 2}
k = d.keys()
v = d.values()
it = d.items()
d['c'] = 3
print(k)
print(v)
print(it)
print(len(k), 'a' in k, 2 in v, ('b', 2) in it)
print(sorted(k), list(reversed(list(k))))
