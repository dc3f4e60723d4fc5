d = {1: 'one'}
print(d[1])
try:
    d[2]
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
d[2]
