l = ['10', '9', '100', '1']
l.sort(key=int); print(l)
l.sort(key=lambda s: (len(s), s)); print(l)
m = [[3, 'c'], [1, 'a'], [2, 'b'], [1, 'Z']]
m.sort(); print(m)
m.sort(key=lambda x: x[1].lower()); print(m)
b = [True, False, 0, 1, -1]; b.sort(); print(b)
s = ['é', 'e', 'z', 'É', 'a']; s.sort(); print(s)
