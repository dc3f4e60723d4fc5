a = ['x', 'y']
print(a.index('y'))
try:
    a.index('z')
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
a.index('z')
