def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(lambda: {}.keys(1))
attempt(lambda: {}.values(1))
attempt(lambda: {}.items(1))
attempt(lambda: {}.keys(x=1))
