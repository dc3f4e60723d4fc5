def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(lambda: 'abc'.count())
attempt(lambda: 'abc'.count(1))
attempt(lambda: 'abc'.count('a', 'x'))
attempt(lambda: 'abc'.count('a', 1, 2, 3))
attempt(lambda: 'abc'.count(sub='a'))
