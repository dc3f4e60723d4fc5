def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(lambda: 'a'.expandtabs(1, 2))
attempt(lambda: 'a'.expandtabs(size=2))
attempt(lambda: 'a'.expandtabs('x'))
