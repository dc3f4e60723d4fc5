def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(lambda: 'a'.strip(1))
attempt(lambda: 'a'.lstrip(1))
attempt(lambda: 'a'.rstrip(['a']))
attempt(lambda: 'a'.strip('a', 'b'))
attempt(lambda: 'a'.strip(chars='a'))
