def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

s = 'mississippi'
print(s.index('ss'), s.rindex('ss'), s.index('i', 2), s.rindex('i', 0, 5))
attempt(lambda: s.index('x'))
attempt(lambda: s.rindex('x'))
attempt(lambda: s.index('m', 1))
attempt(lambda: s.index())
attempt(lambda: s.rindex(3))
attempt(lambda: s.find(1))
