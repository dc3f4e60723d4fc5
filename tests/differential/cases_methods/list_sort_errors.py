def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(lambda: [3, 'a', 1].sort())
attempt(lambda: [1, 2, 'x'].sort())
attempt(lambda: ['x', 1].sort())
attempt(lambda: [1, None].sort())
attempt(lambda: [1, 2].sort(key=1))
attempt(lambda: [1, 2].sort(lambda x: x))
attempt(lambda: [1, 2].sort(cmp=None))
attempt(lambda: [[1], (1,)].sort())
attempt(lambda: [1j, 2j].sort())
attempt(lambda: [3, 1, 2].sort(key=lambda x: 1 / (x - 2)))
l = [3, 1, 2]
try:
    l.sort(key=lambda x: 1 / (x - 2))
except ZeroDivisionError:
    print(sorted(l))
