def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(lambda: set().add(1, 2))
attempt(lambda: set().clear(1))
attempt(lambda: set().copy(1))
attempt(lambda: set().update(x=1))
attempt(lambda: set().union(y=1))
attempt(lambda: frozenset().issubset())
