def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

l = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(l.index(1), l.index(1, 2), l.index(5, -3), l.index(5, 0, 5), l.count(5), l.count(7), l.count(1.0))
print([[1], [1], 2].count([1]), [1, True, 1.0].count(1), ['a', 'b'].index('b'))
nan = float('nan'); print([nan, 1].count(nan), [nan].index(nan))
attempt(lambda: l.index(7))
attempt(lambda: l.index(1, 4, 5))
attempt(lambda: l.index('x'))
attempt(lambda: l.index(1, 'a'))
attempt(lambda: l.index())
attempt(lambda: l.count())
