d = {'a': 1}
d.update({'b': 2})
d.update([('c', 3)])
d.update(d=4, a=0)
print(d)
e = d.copy()
e['z'] = 26
print(d, e)
d.clear()
print(d)
print(dict.fromkeys(['p', 'q'], 0), dict.fromkeys('ab'))
