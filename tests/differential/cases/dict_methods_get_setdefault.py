d = {'x': 1}
print(d.get('x'), d.get('y'), d.get('y', 0))
print(d.setdefault('y', 5), d)
print(d.setdefault('x', 99), d)
print(d.pop('x'), d)
print(d.pop('missing', 'dflt'))
print(d.popitem(), d)
