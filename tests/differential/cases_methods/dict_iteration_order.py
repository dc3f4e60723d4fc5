d = {}
for i, k in enumerate(['z', 'a', 'm', 'b']):
    d[k] = i
print(d, list(d), list(d.values()), list(d.items()))
del d['a']; d['a'] = 9
print(d.keys(), d.items())
d.pop('z'); d.update(q=1)
print(d, d.popitem(), d)
e = dict.fromkeys('hello')
print(e, list(e.keys()))
inv = {v: k for k, v in {'x': 1, 'y': 2}.items()}
print(inv, inv.get(1), inv.setdefault(3, 'w'), inv)
