def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(lambda: 'a'.splitlines(1, 2))
attempt(lambda: 'a'.splitlines(keep=True))
attempt(lambda: 'a'.splitlines('x'))
