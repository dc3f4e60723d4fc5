print(list(range(0, 5, 1)))
try:
    range(0, 5, 0)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
range(0, 5, 0)
