def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(lambda: 'a'.split(''))
attempt(lambda: 'a'.rsplit(''))
attempt(lambda: 'a'.split(1))
attempt(lambda: 'a'.split(',', 'x'))
attempt(lambda: 'a'.split(',', 1, 2))
attempt(lambda: 'a'.split(x=1))
attempt(lambda: 'a'.split(',', sep=','))
attempt(lambda: 'a'.split(maxsplit=1.5))
