d = {'x': 1}
print(d.pop('x'))
try:
    d.pop('x')
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
d.pop('x')
