print('partial output')
try:
    raise RuntimeError
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
raise RuntimeError
