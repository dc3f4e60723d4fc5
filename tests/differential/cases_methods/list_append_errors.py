def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(lambda: [].append())
attempt(lambda: [].append(1, 2))
attempt(lambda: [].extend(5))
attempt(lambda: [].extend())
attempt(lambda: [].insert(1))
attempt(lambda: [].insert('a', 1))
attempt(lambda: [].insert(1.0, 1))
attempt(lambda: [].append(x=1))
