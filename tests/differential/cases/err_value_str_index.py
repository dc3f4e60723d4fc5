s = 'hello'
print(s.index('l'))
try:
    s.index('z')
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
s.index('z')
