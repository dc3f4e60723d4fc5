print([1] * 3)
try:
    print([1] * [2])
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print([1] * [2])
