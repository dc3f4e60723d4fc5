print('x')
try:
    raise IndexError
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
raise IndexError
