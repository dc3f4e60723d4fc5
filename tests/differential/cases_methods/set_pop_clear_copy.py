def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

s = {5, 3, 1}
x = s.pop(); print(x, s)
y = s.pop(); print(y, s)
c = {1, 2, 3}.copy(); c.add(4); print(c)
s.clear(); print(s, len(s))
s.update([7, 8]); print(s)
t = set(range(20)); t.clear(); t.add(100); t.add(3); print(t)
attempt(lambda: set().pop())
attempt(lambda: s.pop(1))
f = frozenset([1, 2]); print(f.copy(), f.copy() is f)
