count = 3
try:
    print('count: ' + count)
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print('count: ' + count)
