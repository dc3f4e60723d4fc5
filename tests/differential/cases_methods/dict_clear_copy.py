def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

d = {'a': [1], 'b': 2}
c = d.copy(); c['c'] = 3; c['a'].append(9)
print(d, c, c is d)
d.clear(); print(d, len(d))
d['z'] = 1; d['y'] = 2; print(d)
attempt(lambda: d.clear(1))
attempt(lambda: d.copy(1))
