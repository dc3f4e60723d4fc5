seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed
data = [rnd() % 1000 for _ in range(2000)]
a = data[:]; a.sort(); print(a[:10], a[-10:], a == sorted(data))
b = [(x % 10, i) for i, x in enumerate(data)]
c = b[:]; c.sort(key=lambda t: t[0]); print(c[:5], c[-5:])
print(all(c[i][0] < c[i + 1][0] or (c[i][0] == c[i + 1][0] and c[i][1] < c[i + 1][1]) for i in range(len(c) - 1)))
d = list(range(300, 0, -1)) + list(range(300)); d.sort(); print(d[:5], d[-5:])
e = [str(x) for x in data[:500]]; e.sort(reverse=True); print(e[:5], e[-3:])
