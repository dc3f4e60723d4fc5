x, y, z = 'abc'
print(x, y, z)
try:
    x, y, z = 'ab'
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
x, y, z = 'ab'
