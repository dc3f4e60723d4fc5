def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

d = {'a': 1, 'b': 2, 'c': 3}
print(d.pop('a'), d.pop('z', None), d.pop('z', 'dflt'), d)
print(d.popitem(), d)
d['x'] = 9
print(d.popitem(), d.popitem(), d)
attempt(lambda: d.popitem())
attempt(lambda: d.pop('q'))
attempt(lambda: {}.pop((1, 2)))
attempt(lambda: d.pop())
attempt(lambda: d.pop([1]))
attempt(lambda: d.popitem(1))
