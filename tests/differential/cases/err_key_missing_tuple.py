d = {(0, 0): 'origin'}
print(d[0, 0])
try:
    print(d[(1, 2)])
except Exception as exc:
    print('handled:', type(exc).__name__, exc)
print(d[(1, 2)])
