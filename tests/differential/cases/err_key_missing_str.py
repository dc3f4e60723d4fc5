d = {'a': 1, 'b': 2}
print(d['a'])
try:
    print(d['c'])
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(d['c'])
