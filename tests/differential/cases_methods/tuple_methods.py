def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.count(5), t.index(2), t.index(2, 2), t.index(1, -2), t.count(1.0))
print(('a', 'b').index('b'), ((1, 2), [3]).count([3]))
attempt(lambda: t.index(9))
attempt(lambda: t.index(3, 0, 2))
attempt(lambda: t.count())
attempt(lambda: t.index())
attempt(lambda: t.index(1, 'a'))
