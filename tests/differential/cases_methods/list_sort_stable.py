pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b'), (2, 'c'), (1, 'c')]
p = pairs[:]; p.sort(key=lambda t: t[0]); print(p)
p = pairs[:]; p.sort(key=lambda t: t[0], reverse=True); print(p)
p = pairs[:]; p.sort(); print(p)
p = pairs[:]; p.sort(reverse=True); print(p)
recs = [{'n': 'x', 'a': 3}, {'n': 'y', 'a': 1}, {'n': 'z', 'a': 3}, {'n': 'w', 'a': 1}]
recs.sort(key=lambda r: r['a']); print([r['n'] for r in recs])
recs.sort(key=lambda r: -r['a']); print([r['n'] for r in recs])
