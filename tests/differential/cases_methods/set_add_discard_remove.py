def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

s = {1, 2, 3}
s.add(4); s.add(2); print(s)
s.discard(1); s.discard(99); print(s)
s.remove(2); print(s)
s.add((1, 2)); print(len(s), (1, 2) in s)
attempt(lambda: s.remove(99))
attempt(lambda: s.remove((5, 6)))
attempt(lambda: s.add([1]))
attempt(lambda: s.discard({1}))
attempt(lambda: s.add())
attempt(lambda: s.remove())
