def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(lambda: ', '.join(['a', 1]))
attempt(lambda: ', '.join([1, 'a']))
attempt(lambda: ', '.join(5))
attempt(lambda: ', '.join(['a', None, 3]))
attempt(lambda: ', '.join())
attempt(lambda: ', '.join('a', 'b'))
