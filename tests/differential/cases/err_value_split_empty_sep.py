print('a b'.split(' '))
try:
    'a b'.split('')
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
'a b'.split('')
