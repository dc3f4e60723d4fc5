d = {}
d[(1, 2)] = 'ok'
print(d)
try:
    d[[1, 2]] = 'bad'
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
d[[1, 2]] = 'bad'
