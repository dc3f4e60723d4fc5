def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(lambda: 'a'.startswith(1))
attempt(lambda: 'a'.endswith(['a']))
attempt(lambda: 'a'.startswith(('a', 1)))
attempt(lambda: 'a'.endswith(('b', 2)))
attempt(lambda: 'a'.startswith())
attempt(lambda: 'a'.endswith('a', 'b'))
