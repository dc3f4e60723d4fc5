it = iter([1])
print(next(it))
try:
    next(it)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
next(it)
