def attempt(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

l = [1, 2, 3, 4]
l.reverse(); print(l)
c = l.copy(); c.append(5); print(l, c)
n = [[1], [2]]; n2 = n.copy(); n2[0].append(9); print(n, n2 is n, n2[0] is n[0])
l.clear(); print(l, len(l))
e = []; e.reverse(); print(e)
attempt(lambda: [].reverse(1))
attempt(lambda: [].copy(1))
attempt(lambda: [].clear(1))
