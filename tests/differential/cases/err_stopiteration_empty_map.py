m = map(str, [])
print('made map')
try:
    print(next(m))
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(next(m))
