def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

d = {'a': 1}
print(d.get('a'), d.get('b'), d.get('b', 0), d.get('a', 0))
print(d.setdefault('a', 5), d.setdefault('b', 6), d.setdefault('c'), d)
g = {}
for w in 'the cat the dog the end'.split():
    g.setdefault(w, []).append(len(w))
print(g)
attempt(lambda: d.get())
attempt(lambda: d.get(1, 2, 3))
attempt(lambda: d.get([1]))
attempt(lambda: d.setdefault())
attempt(lambda: d.get('a', default=1))
