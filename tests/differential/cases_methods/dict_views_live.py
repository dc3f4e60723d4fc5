d = {'x': 1}
k, v, it = d.keys(), d.values(), d.items()
d['y'] = 2
print(k, v, it, len(k))
del d['x']
print(k, v, it)
print('y' in k, 'x' in k, 2 in v, 1 in v, ('y', 2) in it, ('y', 3) in it)
for key in k: print(key)
for key, val in d.items(): print(key, val)
print(sorted(d.values()), bool({}.keys()), bool(k))
