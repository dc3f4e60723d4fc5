print('start')
try:
    x = 1 + 'two'
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
x = 1 + 'two'
